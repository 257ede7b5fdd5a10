package io.offsite.notify;

import io.offsite.core.service.Consent;
import io.offsite.core.service.ServiceAttempt;
import io.offsite.core.service.ServiceMethod;
import io.offsite.core.service.ServiceProof;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Electronic service of a document (电子送达) through the {@link Outbox}: queues the document to the address
 * the party consented to and turns the outbox outcome into core's {@link ServiceAttempt}. notify only delivers
 * and records proof; the legal effect of the attempt (effective date, the periods it starts) is decided where
 * the attempt is recorded, by the {@code cases} module's service record.
 */
public final class ElectronicService {
    private ElectronicService() {
    }

    /** The outbox key electronic service of {@code documentId} is sent under. */
    public static String key(String documentId) {
        if (documentId == null || documentId.isBlank()) {
            throw new NotifyException("electronic service needs a non-blank document id, was "
                    + (documentId == null ? "null" : "'" + documentId + "'"));
        }
        return documentId + "/e-service";
    }

    /**
     * Queues {@code text} to the address in the party's electronic-service {@code consent}, under
     * {@link #key(String)}; feed the message's outcome back with {@link #attempt(OutboxMessage)}.
     *
     * @throws NotifyException when the consent is not to ELECTRONIC service (nothing is queued)
     */
    public static EnqueueResult send(Outbox outbox, String documentId, Consent consent, Channel channel, String text) {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(consent, "consent");
        String key = key(documentId);
        if (consent.method() != ServiceMethod.ELECTRONIC) {
            throw new NotifyException("document " + documentId + ": electronic service needs the party's consent to "
                    + "ELECTRONIC service, the consent given is to " + consent.method() + "; nothing was queued");
        }
        return outbox.enqueue(new OutgoingMessage(key, channel, consent.address(), text));
    }

    /**
     * An electronic attempt from an outbox message: SERVED at the delivery receipt's time with an
     * ARRIVAL_RECORD proof naming the message key and provider id, or FAILED when it was dead-lettered.
     *
     * @throws NotifyException when the message is neither delivered nor dead-lettered yet
     */
    public static ServiceAttempt attempt(OutboxMessage m) {
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
}
