package io.offsite.cases.service;

import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service record (送达记录) of one document on one party: consents and address confirmation, every attempt
 * with its proof, and the legal effect — the one place where OffSite decides whether and when a document was
 * served and what that starts. Immutable: {@link #record(ServiceAttempt)} checks the attempt against the law
 * and returns the new record, or throws {@link ServiceLawException} naming the rule broken (this record is
 * unchanged). The notify module performs delivery and feeds attempts in; the case lifecycle's service steps
 * take a served record and count the following periods from its effective date.
 */
public final class ServiceRecord {
    private final String documentId;
    private final DocumentKind kind;
    private final String partyId;
    private final ServiceRules rules;
    private final List<Consent> consents;
    private final Optional<AddressConfirmation> confirmation;
    private final Optional<String> whereaboutsUnknown;
    private final List<ServiceAttempt> attempts;
    private final Optional<ServiceEffect> effect;

    private ServiceRecord(String documentId, DocumentKind kind, String partyId, ServiceRules rules,
            List<Consent> consents, Optional<AddressConfirmation> confirmation, Optional<String> whereaboutsUnknown,
            List<ServiceAttempt> attempts, Optional<ServiceEffect> effect) {
        this.documentId = documentId;
        this.kind = kind;
        this.partyId = partyId;
        this.rules = rules;
        this.consents = List.copyOf(consents);
        this.confirmation = confirmation;
        this.whereaboutsUnknown = whereaboutsUnknown;
        this.attempts = List.copyOf(attempts);
        this.effect = effect;
    }

    /** A new record for a document of {@code kind} to serve on a party. */
    public static ServiceRecord open(String documentId, DocumentKind kind, String partyId, ServiceRules rules) {
        requireText(documentId, "documentId");
        requireText(partyId, "partyId");
        return new ServiceRecord(documentId, Objects.requireNonNull(kind, "kind"), partyId,
                Objects.requireNonNull(rules, "rules"), List.of(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
    }

    /** Records the party's consent to electronic or video service at an address. */
    public ServiceRecord withConsent(Consent value) {
        List<Consent> all = new ArrayList<>(consents);
        all.add(Objects.requireNonNull(value, "consent"));
        return new ServiceRecord(documentId, kind, partyId, rules, all, confirmation, whereaboutsUnknown, attempts,
                effect);
    }

    /** Records the party's signed service-address confirmation (送达地址确认书). */
    public ServiceRecord withAddressConfirmation(AddressConfirmation value) {
        return new ServiceRecord(documentId, kind, partyId, rules, consents,
                Optional.of(Objects.requireNonNull(value, "confirmation")), whereaboutsUnknown, attempts, effect);
    }

    /** Declares the party's whereabouts unknown (下落不明), which allows public notice without a failed attempt. */
    public ServiceRecord withWhereaboutsUnknown(String reason) {
        requireText(reason, "reason");
        return new ServiceRecord(documentId, kind, partyId, rules, consents, confirmation, Optional.of(reason),
                attempts, effect);
    }

    /** Records an attempt; throws {@link ServiceLawException} naming the rule when the law does not allow it. */
    public ServiceRecord record(ServiceAttempt a) {
        Objects.requireNonNull(a, "attempt");
        String where = "document " + documentId + ", " + a.method() + " attempt at " + a.attemptedAt();
        if (!attempts.isEmpty() && a.attemptedAt().isBefore(attempts.get(attempts.size() - 1).attemptedAt())) {
            throw new ServiceLawException(where + ": earlier than the previous attempt at "
                    + attempts.get(attempts.size() - 1).attemptedAt() + "; record attempts in order");
        }
        LocalDate attemptDay = LocalDate.ofInstant(a.attemptedAt(), rules.zone());
        if (effect.isPresent() && !effect.get().effectiveOn().isAfter(attemptDay)) {
            throw new ServiceLawException(where + ": the document was already served on " + effect.get().effectiveOn()
                    + " by " + effect.get().method());
        }
        Optional<ServiceEffect> served = ServiceLaw.evaluate(this, a, where);
        Optional<ServiceEffect> next = effect;
        if (served.isPresent() && (next.isEmpty() || served.get().effectiveOn().isBefore(next.get().effectiveOn()))) {
            next = served;
        }
        List<ServiceAttempt> all = new ArrayList<>(attempts);
        all.add(a);
        return new ServiceRecord(documentId, kind, partyId, rules, consents, confirmation, whereaboutsUnknown, all,
                next);
    }

    /** The document. */
    public String documentId() {
        return documentId;
    }

    /** What the document is (decides which periods its service starts). */
    public DocumentKind kind() {
        return kind;
    }

    /** The party. */
    public String partyId() {
        return partyId;
    }

    /** The rules applied. */
    public ServiceRules rules() {
        return rules;
    }

    /** Consents recorded, oldest first. */
    public List<Consent> consents() {
        return consents;
    }

    /** The service-address confirmation, if signed. */
    public Optional<AddressConfirmation> addressConfirmation() {
        return confirmation;
    }

    /** Why the whereabouts were declared unknown, if they were. */
    public Optional<String> whereaboutsUnknown() {
        return whereaboutsUnknown;
    }

    /** Attempts in the order recorded. */
    public List<ServiceAttempt> attempts() {
        return attempts;
    }

    /** When and how service took (or, for a public notice, will take) effect; empty while not served. */
    public Optional<ServiceEffect> effect() {
        return effect;
    }

    /** Whether the document counts as served on {@code date}. */
    public boolean isServedOn(LocalDate date) {
        return effect.isPresent() && !effect.get().effectiveOn().isAfter(date);
    }

    @Override
    public String toString() {
        return "ServiceRecord[" + documentId + " " + kind + ", " + attempts.size() + " attempt(s), "
                + effect.map(e -> "served " + e.effectiveOn() + " by " + e.method()).orElse("not served") + "]";
    }

    static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new ServiceLawException(what + " must be non-blank, was " + (s == null ? "null" : "'" + s + "'"));
        }
    }
}
