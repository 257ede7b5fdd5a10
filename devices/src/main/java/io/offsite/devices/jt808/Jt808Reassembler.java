package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.DeviceMessageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins the sub-packages (分包) of long messages back into whole messages. The packages of one message share the
 * terminal phone, the message id and the package total, and carry consecutive serial numbers, so a message is
 * keyed by phone, id and the serial of its package 1 ({@code serial - index + 1}); they may arrive in any order.
 *
 * <p>Bounded: at most {@code maxPending} messages are held, each at most {@code maxAge} after its first package
 * arrived (time from the {@link Clock} given). A message is rejected, with the packages it lacks, when it ages
 * out, is evicted to make room, or when the same terminal starts another message with the same id before it is
 * complete (a gap); a package whose total differs from its message's is rejected with the message. A package
 * received twice with the same bytes is ignored; with other bytes it is rejected.
 *
 * <p>Stateful and not thread-safe: one per connection.
 */
public final class Jt808Reassembler {
    /** Default {@link Builder#maxPending(int)}: 16 messages. */
    public static final int DEFAULT_MAX_PENDING = 16;
    /** Default {@link Builder#maxAge(Duration)}: 2 minutes. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(2);
    private static final String WHERE = "jt808/subPackage";

    private final Clock clock;
    private final int maxPending;
    private final Duration maxAge;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    private Jt808Reassembler(Builder b) {
        this.clock = b.clock;
        this.maxPending = b.maxPending;
        this.maxAge = b.maxAge;
    }

    /** A builder with the defaults and the system UTC clock; pass a fixed clock in tests. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What one package produced.
     *
     * @param message the whole message when this package completed it
     * @param rejects messages given up (gap, age, eviction, inconsistent total, conflicting duplicate) or a
     *                completed body that does not decode
     */
    public record Step(Optional<Jt808Message> message, List<DeviceMessageException> rejects) {
        public Step {
            Objects.requireNonNull(message, "message");
            rejects = List.copyOf(rejects);
        }
    }

    /** Takes one sub-package; returns the whole message once its last package arrives. */
    public Step accept(SubPackage p) {
        Objects.requireNonNull(p, "p");
        List<DeviceMessageException> rejects = new ArrayList<>(0);
        rejects.addAll(expire());
        Jt808Header h = p.header();
        int base = (h.serial() - h.packageIndex() + 1) & 0xFFFF;
        Key key = new Key(h.phone(), h.messageId(), base);
        Pending m = pending.get(key);
        if (m == null) {
            for (Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, Pending> e = it.next();
                if (e.getKey().phone.equals(key.phone) && e.getKey().messageId == key.messageId) {
                    it.remove();
                    rejects.add(e.getValue().reject("gap: the terminal began another 0x"
                            + Jt808Messages.hex4(key.messageId) + " (serial " + base + ") first"));
                }
            }
            if (pending.size() >= maxPending) {
                Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
                Pending oldest = it.next().getValue();
                it.remove();
                rejects.add(oldest.reject("evicted: maxPending " + maxPending + " messages already held"));
            }
            m = new Pending(h, clock.instant());
            pending.put(key, m);
        }
        if (h.packageTotal() != m.parts.length) {
            pending.remove(key);
            rejects.add(m.reject("inconsistent total: package " + h.packageIndex() + " says " + h.packageTotal()
                    + " packages, earlier ones " + m.parts.length));
            return new Step(Optional.empty(), rejects);
        }
        byte[] seen = m.parts[h.packageIndex() - 1];
        if (seen != null) {
            if (!Arrays.equals(seen, p.bodyNoCopy())) {
                pending.remove(key);
                rejects.add(m.reject("duplicate package " + h.packageIndex() + " with different content"));
            }
            return new Step(Optional.empty(), rejects);
        }
        m.parts[h.packageIndex() - 1] = p.bodyNoCopy();
        m.bytes += p.bodyNoCopy().length;
        if (h.packageIndex() == 1) {
            m.first = h;
        }
        if (++m.received < m.parts.length) {
            return new Step(Optional.empty(), rejects);
        }
        pending.remove(key);
        byte[] body = new byte[m.bytes];
        int at = 0;
        for (byte[] part : m.parts) {
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
        }
        Jt808Header whole = m.first.whole();
        try {
            WireIn in = new WireIn(body, 0, 0, body.length, "jt808/0x" + Jt808Messages.hex4(whole.messageId()));
            return new Step(Optional.of(BodyDecoder.decode(whole, in)), rejects);
        } catch (DeviceMessageException e) {
            rejects.add(e);
            return new Step(Optional.empty(), rejects);
        }
    }

    /** Gives up the messages whose first package is older than {@code maxAge}; call it now and then when idle. */
    public List<DeviceMessageException> expire() {
        Instant limit = clock.instant().minus(maxAge);
        List<DeviceMessageException> rejects = new ArrayList<>(0);
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending m = it.next();
            if (m.since.isBefore(limit)) {
                it.remove();
                rejects.add(m.reject("incomplete after maxAge " + maxAge + " (first package at " + m.since + ")"));
            }
        }
        return rejects;
    }

    /** Number of messages waiting for packages. */
    public int pending() {
        return pending.size();
    }

    private record Key(String phone, int messageId, int baseSerial) {
    }

    private static final class Pending {
        final byte[][] parts;
        final Instant since;
        Jt808Header first;
        int received;
        int bytes;

        Pending(Jt808Header any, Instant since) {
            this.parts = new byte[any.packageTotal()][];
            this.since = since;
            this.first = any;
        }

        DeviceMessageException reject(String why) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < parts.length && missing.size() < 20; i++) {
                if (parts[i] == null) {
                    missing.add(i + 1);
                }
            }
            return new DeviceMessageException(WHERE, -1, -1, "0x" + Jt808Messages.hex4(first.messageId())
                    + " from " + first.phone() + ", " + received + " of " + parts.length + " packages: " + why
                    + (missing.isEmpty() ? "" : "; missing " + missing + (missing.size() == 20 ? "..." : "")));
        }
    }

    /** Options of a {@link Jt808Reassembler}; each setter rejects a bad value at once. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int maxPending = DEFAULT_MAX_PENDING;
        private Duration maxAge = DEFAULT_MAX_AGE;

        private Builder() {
        }

        /** Where arrival times come from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Most messages held incomplete at once, 1..1024; default {@value Jt808Reassembler#DEFAULT_MAX_PENDING}. */
        public Builder maxPending(int messages) {
            if (messages < 1 || messages > 1024) {
                throw new InvalidValueException("maxPending " + messages + " outside 1..1024");
            }
            this.maxPending = messages;
            return this;
        }

        /** Longest a message may wait for its packages, positive; default 2 minutes. */
        public Builder maxAge(Duration age) {
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new InvalidValueException("maxAge " + age + " must be positive");
            }
            this.maxAge = age;
            return this;
        }

        /** The reassembler. */
        public Jt808Reassembler build() {
            return new Jt808Reassembler(this);
        }
    }
}
