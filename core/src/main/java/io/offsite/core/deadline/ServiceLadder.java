package io.offsite.core.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service state of one document: every attempt in order and, once service is effective, the date it
 * took effect. Immutable; each step returns a new ladder and rejects an attempt the law does not allow.
 */
public final class ServiceLadder {
    /**
     * One recorded attempt.
     *
     * @param method    how
     * @param on        the day of the attempt's event (signature, leaving, arrival, receipt, return, publication)
     * @param effective the day service took effect through this attempt, if it did
     * @param note      what happened
     */
    public record Attempt(ServiceMethod method, LocalDate on, Optional<LocalDate> effective, String note) {
        public Attempt {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(effective, "effective");
            Objects.requireNonNull(note, "note");
        }
    }

    private final boolean addressConfirmationSigned;
    private final boolean electronicConsentSigned;
    private final List<Attempt> attempts;

    private ServiceLadder(boolean addressConfirmationSigned, boolean electronicConsentSigned, List<Attempt> attempts) {
        this.addressConfirmationSigned = addressConfirmationSigned;
        this.electronicConsentSigned = electronicConsentSigned;
        this.attempts = List.copyOf(attempts);
    }

    /**
     * A ladder with no attempts yet.
     *
     * @param addressConfirmationSigned the party signed a service-address confirmation (送达地址确认书)
     * @param electronicConsentSigned   the party consented in writing to electronic service
     */
    public static ServiceLadder start(boolean addressConfirmationSigned, boolean electronicConsentSigned) {
        return new ServiceLadder(addressConfirmationSigned, electronicConsentSigned, List.of());
    }

    /** Attempts so far, oldest first. */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** The day service took effect, if it has. */
    public Optional<LocalDate> servedOn() {
        for (Attempt a : attempts) {
            if (a.effective().isPresent()) {
                return a.effective();
            }
        }
        return Optional.empty();
    }

    /** Whether service has taken effect on or before {@code date}. */
    public boolean servedBy(LocalDate date) {
        return servedOn().map(d -> !d.isAfter(date)).orElse(false);
    }

    /** The party signed for the document. */
    public ServiceLadder direct(LocalDate signedOn) {
        return add(ServiceMethod.DIRECT, signedOn, signedOn, "signed by the party");
    }

    /** The party refused or was absent; the document was left at the residence. */
    public ServiceLadder leftAtResidence(LocalDate leftOn, boolean witnessOrVideo) {
        if (!witnessOrVideo) {
            throw new DeadlineException("leaving the document at the residence on " + leftOn
                    + " needs a witness signature or a video record; without one it is not service");
        }
        return add(ServiceMethod.LEFT_AT_RESIDENCE, leftOn, leftOn, "left with witness or video");
    }

    /** Electronic delivery arrived in the party's system. */
    public ServiceLadder electronic(LocalDate arrivedOn) {
        if (!electronicConsentSigned) {
            throw new DeadlineException("electronic service on " + arrivedOn
                    + " is not allowed: the party has not consented in writing");
        }
        return add(ServiceMethod.ELECTRONIC, arrivedOn, arrivedOn, "arrived");
    }

    /** Mail was received by the party. */
    public ServiceLadder mailReceived(LocalDate receivedOn) {
        return add(ServiceMethod.MAIL, receivedOn, receivedOn, "received");
    }

    /** Mail came back; service is still effective on the return day if the address was confirmed. */
    public ServiceLadder mailReturned(LocalDate returnedOn) {
        return addressConfirmationSigned
                ? add(ServiceMethod.MAIL, returnedOn, returnedOn, "returned; confirmed service address makes it served")
                : add(ServiceMethod.MAIL, returnedOn, null, "returned; no confirmed address, service failed");
    }

    /** A direct attempt failed (party not found); recorded to justify later methods. */
    public ServiceLadder failed(ServiceMethod method, LocalDate on, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (method == ServiceMethod.PUBLIC_NOTICE) {
            throw new DeadlineException("a public notice cannot fail; it is deemed served after its period");
        }
        return add(method, on, null, "failed: " + reason);
    }

    /**
     * Published a public notice; allowed only after another method failed. Service takes effect on
     * {@code calculator.publicNoticeServedOn(publishedOn)}.
     */
    public ServiceLadder publicNotice(LocalDate publishedOn, DeadlineCalculator calculator) {
        if (attempts.isEmpty()) {
            throw new DeadlineException("public notice on " + publishedOn
                    + " is only allowed after another method failed; record the failed attempt first");
        }
        LocalDate effective = calculator.publicNoticeServed(publishedOn).date();
        return add(ServiceMethod.PUBLIC_NOTICE, publishedOn, effective, "published; deemed served on " + effective);
    }

    private ServiceLadder add(ServiceMethod m, LocalDate on, LocalDate effective, String note) {
        Objects.requireNonNull(on, "on");
        if (servedOn().isPresent()) {
            throw new DeadlineException("the document was already served on " + servedOn().get()
                    + "; a further " + m + " attempt on " + on + " is not recorded");
        }
        if (!attempts.isEmpty() && on.isBefore(attempts.get(attempts.size() - 1).on())) {
            throw new DeadlineException(m + " attempt dated " + on + " is earlier than the last attempt ("
                    + attempts.get(attempts.size() - 1).on() + "); attempts must be recorded in order");
        }
        List<Attempt> next = new ArrayList<>(attempts);
        next.add(new Attempt(m, on, Optional.ofNullable(effective), note));
        return new ServiceLadder(addressConfirmationSigned, electronicConsentSigned, next);
    }
}
