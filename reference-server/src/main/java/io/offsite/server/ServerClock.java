package io.offsite.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every library in the server reads. Three kinds: the system clock; a manual clock moved only by
 * {@code POST /api/v1/admin/clock} (tests, replays); an accelerated clock for the demo, which runs {@code speed}
 * times faster than real time from a start instant. A manual clock never goes backwards.
 */
final class ServerClock extends Clock {
    private final Clock base;
    private final boolean manual;
    private volatile Instant origin;
    private final long originNanos;
    private final double speed;
    private final AtomicReference<Instant> manualNow;

    private ServerClock(Clock base, boolean manual, Instant origin, double speed) {
        this.base = base;
        this.manual = manual;
        this.origin = origin;
        this.originNanos = System.nanoTime();
        this.speed = speed;
        this.manualNow = new AtomicReference<>(origin);
    }

    static ServerClock system() {
        return new ServerClock(Clock.systemUTC(), false, Instant.EPOCH, 1);
    }

    static ServerClock manual(Instant start) {
        return new ServerClock(Clock.systemUTC(), true, start, 1);
    }

    static ServerClock accelerated(Instant start, double speed) {
        return new ServerClock(null, false, start, speed);
    }

    boolean isManual() {
        return manual;
    }

    /** Moves a manual clock to {@code t}; refused on other clocks and backwards. */
    void set(Instant t) {
        if (!manual) {
            throw new IllegalStateException("the clock is not manual: start the server with --clock manual");
        }
        manualNow.getAndUpdate(now -> {
            if (t.isBefore(now)) {
                throw new IllegalArgumentException("the clock never goes back: " + t + " is before " + now);
            }
            return t;
        });
    }

    /**
     * A manual or accelerated (demo) clock restarted on existing data resumes at {@code t} if that is later than
     * where it stands (the engine's stored watermark): time never runs backwards across a restart. The system clock
     * ignores this (the engine then reports a watermark ahead of the clock).
     */
    synchronized void resumeAt(Instant t) {
        if (manual) {
            manualNow.accumulateAndGet(t, (now, x) -> x.isAfter(now) ? x : now);
        } else if (base == null) {
            Instant now = instant();
            if (t.isAfter(now)) {
                origin = origin.plus(Duration.between(now, t));
            }
        }
    }

    @Override
    public Instant instant() {
        if (manual) {
            return manualNow.get();
        }
        if (base != null) {
            return base.instant();
        }
        long elapsed = System.nanoTime() - originNanos;
        return origin.plus(Duration.ofNanos((long) (elapsed * speed)));
    }

    @Override
    public ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is UTC; convert instants instead");
    }
}
