package io.offsite.cases;

import io.offsite.core.grid.OfficerId;
import io.offsite.cases.penalty.Decision;
import io.offsite.cases.service.ServiceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to move a case, with who issued it, when, why and what is attached. Build with
 * {@link #of} and the {@code with...} methods.
 *
 * @param commandId   idempotency key: re-applying the same command leaves the case unchanged
 * @param action      what to do
 * @param at          when it was done (event time)
 * @param actors      the officers acting (two where the law requires it)
 * @param reason      why, in words (recorded in the timeline)
 * @param attachments references to documents/evidence (e.g. evidence ids or hashes)
 * @param decision    the intended ({@code SERVE_NOTICE}) or final ({@code DECIDE}) decision
 * @param eventDate   the legal date of the event when it differs from {@code at}'s date (service effective
 *                    day, hearing day, new decision due date for an extension)
 * @param amountFen   amount paid ({@code RECORD_PAYMENT}); 0 otherwise
 * @param service     the service record of the served document ({@code SERVE_NOTICE}, {@code SERVE_DECISION},
 *                    {@code SERVE_DEMAND}); its effective date is the step's event date
 */
public record CaseCommand(String commandId, CaseAction action, Instant at, List<OfficerId> actors, String reason,
        List<String> attachments, Optional<Decision> decision, Optional<LocalDate> eventDate, long amountFen,
        Optional<ServiceRecord> service) {
    public CaseCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(service, "service");
        actors = List.copyOf(actors);
        attachments = List.copyOf(attachments);
        if (commandId.isBlank()) {
            throw new CaseException("commandId must not be blank");
        }
        if (actors.isEmpty()) {
            throw new CaseException("command " + commandId + " (" + action + ") names no acting officer");
        }
        if (amountFen < 0) {
            throw new CaseException("command " + commandId + ": amountFen must be >= 0, was " + amountFen);
        }
    }

    /** A command with no attachments, decision, event date, amount or service record. */
    public static CaseCommand of(String commandId, CaseAction action, Instant at, String reason, OfficerId... actors) {
        return new CaseCommand(commandId, action, at, List.of(actors), reason, List.of(), Optional.empty(),
                Optional.empty(), 0, Optional.empty());
    }

    /** With these attachments. */
    public CaseCommand withAttachments(String... refs) {
        return new CaseCommand(commandId, action, at, actors, reason, List.of(refs), decision, eventDate, amountFen, service);
    }

    /** With the (intended or final) decision. */
    public CaseCommand withDecision(Decision d) {
        return new CaseCommand(commandId, action, at, actors, reason, attachments, Optional.of(d), eventDate, amountFen, service);
    }

    /** With the legal event date. */
    public CaseCommand withEventDate(LocalDate date) {
        return new CaseCommand(commandId, action, at, actors, reason, attachments, decision, Optional.of(date), amountFen, service);
    }

    /**
     * With the service record proving the document was served; the step's legal date is the record's
     * effective date.
     */
    public CaseCommand withService(ServiceRecord record) {
        return new CaseCommand(commandId, action, at, actors, reason, attachments, decision, eventDate, amountFen,
                Optional.of(record));
    }

    /** With the amount paid. */
    public CaseCommand withAmountFen(long fen) {
        return new CaseCommand(commandId, action, at, actors, reason, attachments, decision, eventDate, fen, service);
    }
}
