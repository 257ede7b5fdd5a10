package io.offsite.notify;

import io.offsite.core.service.AddressConfirmation;
import io.offsite.core.service.Consent;
import io.offsite.core.service.DocumentKind;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceEffect;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import io.offsite.core.service.ServiceRecord;
import io.offsite.core.service.ServiceRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers a document electronically through the {@link Outbox} and records the outcome as proof on core's
 * {@link ServiceRecord}, which alone decides the legal effect (effective date, what it starts); the case
 * lifecycle's service steps take {@link #record()}. A thin, immutable adapter: every rule lives in core
 * ({@code io.offsite.core.service}); attempts by other methods (direct, left at the residence, video, post,
 * public notice) are recorded with {@link #record(ServiceAttempt)}.
 */
public final class DocumentService {
    private final ServiceRecord record;

    private DocumentService(ServiceRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** A new service record for a document of {@code kind} on a party. */
    public static DocumentService open(String documentId, DocumentKind kind, String partyId, ServiceRules rules) {
        return new DocumentService(ServiceRecord.open(documentId, kind, partyId, rules));
    }

    /** Wraps an existing core record (e.g. one restored from storage). */
    public static DocumentService of(ServiceRecord record) {
        return new DocumentService(record);
    }

    /** Records the party's consent to electronic or video service. */
    public DocumentService withConsent(Consent consent) {
        return new DocumentService(record.withConsent(consent));
    }

    /** Records the party's signed service-address confirmation (送达地址确认书). */
    public DocumentService withAddressConfirmation(AddressConfirmation confirmation) {
        return new DocumentService(record.withAddressConfirmation(confirmation));
    }

    /** Declares the party's whereabouts unknown. */
    public DocumentService withWhereaboutsUnknown(String reason) {
        return new DocumentService(record.withWhereaboutsUnknown(reason));
    }

    /** Records an attempt; core's {@code ServiceException} names the rule when the law does not allow it. */
    public DocumentService record(ServiceAttempt attempt) {
        return new DocumentService(record.record(attempt));
    }

    /** The outbox key electronic service of this document is sent under. */
    public String electronicKey() {
        return record.documentId() + "/e-service";
    }

    /**
     * Performs electronic service: queues {@code text} to the address the party consented to, under
     * {@link #electronicKey()}; feed the message's outcome back with {@link #recordDelivery(OutboxMessage)}.
     *
     * @throws NotifyException when no electronic consent is recorded (nothing is queued)
     */
    public EnqueueResult sendElectronic(Outbox outbox, Channel channel, String text) {
        Objects.requireNonNull(outbox, "outbox");
        Consent consent = record.consents().stream().filter(c -> c.method() == ServiceMethod.ELECTRONIC)
                .reduce((a, b) -> b).orElseThrow(() -> new NotifyException("document " + record.documentId()
                        + ": electronic service needs the party's recorded consent; nothing was queued"));
        return outbox.enqueue(new OutgoingMessage(electronicKey(), channel, consent.address(), text));
    }

    /** Records the outbox outcome of electronic service (see {@link #electronicAttempt(OutboxMessage)}). */
    public DocumentService recordDelivery(OutboxMessage message) {
        return record(electronicAttempt(message));
    }

    /**
     * An electronic attempt from an outbox message: SERVED at the delivery receipt's time with an
     * ARRIVAL_RECORD proof naming the message key and provider id, or FAILED when it was dead-lettered.
     *
     * @throws NotifyException when the message is neither delivered nor dead-lettered yet
     */
    public static ServiceAttempt electronicAttempt(OutboxMessage m) {
        Objects.requireNonNull(m, "message");
        Instant attempted = m.firstAttemptAt().orElse(m.enqueuedAt());
        String ref = "outbox " + m.key() + m.providerId().map(p -> " provider id " + p).orElse("");
        if (m.status() == MessageStatus.DELIVERED) {
            Instant arrived = m.deliveredAt().orElseThrow();
            return new ServiceAttempt(ServiceMethod.ELECTRONIC, attempted.isAfter(arrived) ? arrived : attempted,
                    ServiceAttempt.Outcome.SERVED, arrived, m.message().to(),
                    List.of(new ServiceProof(ServiceProof.Kind.ARRIVAL_RECORD, ref, "delivery receipt")), "");
        }
        if (m.status() == MessageStatus.DEAD_LETTER) {
            Instant at = m.deadLetteredAt().orElseThrow();
            return new ServiceAttempt(ServiceMethod.ELECTRONIC, attempted.isAfter(at) ? at : attempted,
                    ServiceAttempt.Outcome.FAILED, at, m.message().to(), List.of(), m.deadLetterReason().orElse(""));
        }
        throw new NotifyException("message '" + m.key() + "' is " + m.status()
                + "; an electronic service attempt needs a delivered or dead-lettered message");
    }

    /** The core record: attempts, proofs and legal effect. */
    public ServiceRecord record() {
        return record;
    }

    /** The document. */
    public String documentId() {
        return record.documentId();
    }

    /** Attempts in the order recorded. */
    public List<ServiceAttempt> attempts() {
        return record.attempts();
    }

    /** The legal effect, computed by core; empty while not served. */
    public Optional<ServiceEffect> effect() {
        return record.effect();
    }

    /** Whether the document counts as served on {@code date}. */
    public boolean isServedOn(LocalDate date) {
        return record.isServedOn(date);
    }
}
