package io.offsite.cases;

import io.offsite.core.grid.OfficerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted transition in a case's append-only timeline.
 *
 * @param seq         position in the timeline, from 0
 * @param commandId   the command's idempotency key
 * @param action      what was done: a {@link CaseAction} name, or {@code FILE} for the filing entry
 * @param from        state before; the filing entry has none and repeats {@code to} here (FILED), so show
 *                    {@link #stateBefore()} rather than this
 * @param to          state after
 * @param at          when
 * @param eventDate   the legal date of the event
 * @param actors      who
 * @param reason      why
 * @param attachments what was attached
 */
public record TimelineEntry(int seq, String commandId, String action, CaseState from, CaseState to, Instant at,
        LocalDate eventDate, List<OfficerId> actors, String reason, List<String> attachments) {
    public TimelineEntry {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(reason, "reason");
        actors = List.copyOf(actors);
        attachments = List.copyOf(attachments);
    }

    /**
     * The state the case left with this entry: empty for the filing entry (action {@code FILE}), since a case has no
     * state before it is filed; otherwise {@link #from}.
     */
    public Optional<CaseState> stateBefore() {
        return action.equals("FILE") ? Optional.empty() : Optional.of(from);
    }
}
