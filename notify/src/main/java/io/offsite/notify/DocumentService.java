package io.offsite.notify;

import io.offsite.core.deadline.ServiceMethod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The service record (送达记录) of one document on one party: the attempts made through the ladder, each with
 * its proof, and the date service took effect. Immutable: {@link #record(ServiceAttempt)} checks the attempt
 * against the rules and returns the new record, or throws {@link NotifyException} naming the rule broken (the
 * old record is unchanged). Rules (DOMAIN.md §4): direct service needs the party's signature; leaving at the
 * residence needs a witness or video and (by default) an earlier refusal; electronic service needs signed
 * consent for that address and takes effect on arrival; mail takes effect on receipt, or on return when a
 * signed address confirmation (送达地址确认书) covers the address; public notice needs (by default) an
 * earlier failure or declared unknown whereabouts and is deemed served after the configured days.
 */
public final class DocumentService {
    private final String documentId;
    private final String partyId;
    private final ServiceRules rules;
    private final Optional<Consent> consent;
    private final Optional<AddressConfirmation> confirmation;
    private final Optional<String> whereaboutsUnknown;
    private final List<ServiceAttempt> attempts;
    private final Optional<ServiceEffect> effect;

    private DocumentService(String documentId, String partyId, ServiceRules rules, Optional<Consent> consent,
            Optional<AddressConfirmation> confirmation, Optional<String> whereaboutsUnknown,
            List<ServiceAttempt> attempts, Optional<ServiceEffect> effect) {
        this.documentId = documentId;
        this.partyId = partyId;
        this.rules = rules;
        this.consent = consent;
        this.confirmation = confirmation;
        this.whereaboutsUnknown = whereaboutsUnknown;
        this.attempts = List.copyOf(attempts);
        this.effect = effect;
    }

    /** A new record for a document to serve on a party. */
    public static DocumentService open(String documentId, String partyId, ServiceRules rules) {
        requireText(documentId, "documentId");
        requireText(partyId, "partyId");
        return new DocumentService(documentId, partyId, Objects.requireNonNull(rules, "rules"), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** Records the party's signed consent to electronic service at an address. */
    public DocumentService withConsent(Consent value) {
        return new DocumentService(documentId, partyId, rules, Optional.of(Objects.requireNonNull(value, "consent")),
                confirmation, whereaboutsUnknown, attempts, effect);
    }

    /** Records the party's signed service-address confirmation. */
    public DocumentService withAddressConfirmation(AddressConfirmation value) {
        return new DocumentService(documentId, partyId, rules, consent,
                Optional.of(Objects.requireNonNull(value, "confirmation")), whereaboutsUnknown, attempts, effect);
    }

    /** Declares the party's whereabouts unknown (allows public notice without an earlier failed attempt). */
    public DocumentService withWhereaboutsUnknown(String reason) {
        requireText(reason, "reason");
        return new DocumentService(documentId, partyId, rules, consent, confirmation, Optional.of(reason), attempts,
                effect);
    }

    /** Records an attempt; throws {@link NotifyException} naming the rule when the attempt is not allowed. */
    public DocumentService record(ServiceAttempt a) {
        Objects.requireNonNull(a, "attempt");
        String where = "document " + documentId + ", " + a.method() + " attempt at " + a.attemptedAt();
        if (!attempts.isEmpty() && a.attemptedAt().isBefore(attempts.get(attempts.size() - 1).attemptedAt())) {
            throw new NotifyException(where + ": earlier than the previous attempt at "
                    + attempts.get(attempts.size() - 1).attemptedAt() + "; record attempts in order");
        }
        LocalDate attemptDay = LocalDate.ofInstant(a.attemptedAt(), rules.zone());
        if (effect.isPresent() && !effect.get().effectiveOn().isAfter(attemptDay)) {
            throw new NotifyException(where + ": the document was already served on " + effect.get().effectiveOn()
                    + " by " + effect.get().method());
        }
        Optional<ServiceEffect> served = evaluate(a, where);
        Optional<ServiceEffect> next = effect;
        if (served.isPresent() && (next.isEmpty() || served.get().effectiveOn().isBefore(next.get().effectiveOn()))) {
            next = served;
        }
        List<ServiceAttempt> all = new ArrayList<>(attempts);
        all.add(a);
        return new DocumentService(documentId, partyId, rules, consent, confirmation, whereaboutsUnknown, all, next);
    }

    private Optional<ServiceEffect> evaluate(ServiceAttempt a, String where) {
        int index = attempts.size();
        LocalDate outcomeDay = LocalDate.ofInstant(a.outcomeAt(), rules.zone());
        switch (a.method()) {
            case DIRECT:
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.REFUSED,
                        ServiceAttempt.Outcome.NOT_FOUND);
                if (a.outcome() != ServiceAttempt.Outcome.SERVED) {
                    return Optional.empty();
                }
                need(a, where, ServiceProof.Kind.RECIPIENT_SIGNATURE);
                return served(a, outcomeDay, index, "signed for by the party (直接送达)");
            case LEFT_AT_RESIDENCE:
                allow(a, where, ServiceAttempt.Outcome.SERVED);
                if (!a.has(ServiceProof.Kind.WITNESS_SIGNATURE) && !a.has(ServiceProof.Kind.VIDEO_RECORDING)) {
                    throw new NotifyException(where + ": leaving at the residence needs a WITNESS_SIGNATURE or "
                            + "VIDEO_RECORDING proof");
                }
                if (rules.refusalBeforeLeaving() && attempts.stream().noneMatch(p -> p.method() == ServiceMethod.DIRECT
                        && p.outcome() == ServiceAttempt.Outcome.REFUSED)) {
                    throw new NotifyException(where + ": leaving at the residence needs an earlier DIRECT attempt "
                            + "the party REFUSED");
                }
                return served(a, outcomeDay, index, "left at the residence after refusal, witnessed (留置送达)");
            case ELECTRONIC:
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.FAILED);
                if (consent.isEmpty() || consent.get().signedAt().isAfter(a.attemptedAt())) {
                    throw new NotifyException(where + ": electronic service needs the party's consent signed before "
                            + "the attempt" + consent.map(c -> " (consent signed " + c.signedAt() + ")").orElse(""));
                }
                if (!consent.get().address().equals(a.address())) {
                    throw new NotifyException(where + ": address '" + a.address() + "' is not the consented address '"
                            + consent.get().address() + "'");
                }
                if (a.outcome() != ServiceAttempt.Outcome.SERVED) {
                    return Optional.empty();
                }
                need(a, where, ServiceProof.Kind.ARRIVAL_RECORD);
                return served(a, outcomeDay, index, "arrived at the consented electronic address (电子送达)");
            case MAIL:
                allow(a, where, ServiceAttempt.Outcome.SERVED, ServiceAttempt.Outcome.RETURNED);
                if (a.outcome() == ServiceAttempt.Outcome.SERVED) {
                    need(a, where, ServiceProof.Kind.POSTAL_RECEIPT);
                    return served(a, outcomeDay, index, "postal receipt signed (邮寄送达)");
                }
                need(a, where, ServiceProof.Kind.POSTAL_RETURN);
                if (confirmation.isPresent() && confirmation.get().address().equals(a.address())
                        && !confirmation.get().signedAt().isAfter(a.attemptedAt())) {
                    return served(a, outcomeDay, index, "returned from the address the party confirmed in writing "
                            + "(送达地址确认书 " + confirmation.get().reference() + "); the return date counts");
                }
                return Optional.empty();
            default:
                allow(a, where, ServiceAttempt.Outcome.PUBLISHED);
                need(a, where, ServiceProof.Kind.PUBLICATION);
                boolean failedBefore = attempts.stream().anyMatch(p -> p.outcome() != ServiceAttempt.Outcome.SERVED
                        && p.method() != ServiceMethod.PUBLIC_NOTICE);
                if (rules.failureBeforeNotice() && !failedBefore && whereaboutsUnknown.isEmpty()) {
                    throw new NotifyException(where + ": public notice needs an earlier failed attempt or declared "
                            + "unknown whereabouts");
                }
                return Optional.of(new ServiceEffect(ServiceMethod.PUBLIC_NOTICE,
                        outcomeDay.plusDays(rules.publicNoticeDays()), Optional.empty(), index,
                        "deemed served " + rules.publicNoticeDays() + " days after publication on " + outcomeDay
                                + " (公告送达)"));
        }
    }

    private static Optional<ServiceEffect> served(ServiceAttempt a, LocalDate day, int index, String basis) {
        return Optional.of(new ServiceEffect(a.method(), day, Optional.of(a.outcomeAt()), index, basis));
    }

    private static void allow(ServiceAttempt a, String where, ServiceAttempt.Outcome... allowed) {
        Set<ServiceAttempt.Outcome> ok = EnumSet.noneOf(ServiceAttempt.Outcome.class);
        ok.addAll(List.of(allowed));
        if (!ok.contains(a.outcome())) {
            throw new NotifyException(where + ": outcome " + a.outcome() + " is not possible for " + a.method()
                    + " (allowed: " + ok + ")");
        }
    }

    private static void need(ServiceAttempt a, String where, ServiceProof.Kind kind) {
        if (!a.has(kind)) {
            throw new NotifyException(where + ": outcome " + a.outcome() + " needs a " + kind + " proof");
        }
    }

    /** The document. */
    public String documentId() {
        return documentId;
    }

    /** The party. */
    public String partyId() {
        return partyId;
    }

    /** Attempts in the order recorded. */
    public List<ServiceAttempt> attempts() {
        return attempts;
    }

    /** When and how service took (or will take) effect; empty while not served. */
    public Optional<ServiceEffect> effect() {
        return effect;
    }

    /** Whether the document counts as served on {@code date}. */
    public boolean isServedOn(LocalDate date) {
        return effect.isPresent() && !effect.get().effectiveOn().isAfter(date);
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new NotifyException(what + " must be non-blank, was " + (s == null ? "null" : "'" + s + "'"));
        }
    }

    /**
     * The party's signed consent to electronic service.
     *
     * @param address   the phone or e-mail consented to
     * @param signedAt  when it was signed
     * @param reference where the signed form is kept
     */
    public record Consent(String address, Instant signedAt, String reference) {
        /** Validates the components. */
        public Consent {
            requireText(address, "consent address");
            Objects.requireNonNull(signedAt, "signedAt");
            requireText(reference, "consent reference");
        }
    }

    /**
     * The party's signed service-address confirmation (送达地址确认书).
     *
     * @param address   the confirmed postal address
     * @param signedAt  when it was signed
     * @param reference where the signed form is kept
     */
    public record AddressConfirmation(String address, Instant signedAt, String reference) {
        /** Validates the components. */
        public AddressConfirmation {
            requireText(address, "confirmed address");
            Objects.requireNonNull(signedAt, "signedAt");
            requireText(reference, "confirmation reference");
        }
    }
}
