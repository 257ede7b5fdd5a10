package io.offsite.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A clock tests and demos set and advance by hand, so engines, outboxes and deadlines that take a
 * {@link Clock} see exactly the time the test says. Thread-safe: the instant is volatile, and a clock made by
 * {@link #withZone(ZoneId)} shares it. The clock never moves on its own.
 */
public final class SettableClock extends Clock {
    private final Cell cell;
    private final ZoneId zone;

    private static final class Cell {
        volatile Instant now;

        Cell(Instant now) {
            this.now = now;
        }
    }

    private SettableClock(Cell cell, ZoneId zone) {
        this.cell = cell;
        this.zone = zone;
    }

    /** A clock standing at {@code start}, in zone Asia/Shanghai (the bureau's local time). */
    public static SettableClock at(Instant start) {
        return new SettableClock(new Cell(Objects.requireNonNull(start, "start")), ZoneId.of("Asia/Shanghai"));
    }

    /** A clock standing at the Beijing local time {@code isoLocal}, e.g. {@code "2026-03-03T09:00:00"}. */
    public static SettableClock atLocal(String isoLocal) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return new SettableClock(new Cell(LocalDateTime.parse(isoLocal).atZone(shanghai).toInstant()), shanghai);
    }

    /** Moves the clock to {@code t} (backwards too: tests of out-of-order input need that). */
    public SettableClock set(Instant t) {
        cell.now = Objects.requireNonNull(t, "t");
        return this;
    }

    /** Moves the clock forward by {@code d}; a negative duration is refused. */
    public SettableClock advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("advance needs a non-negative duration, was " + d + "; use set() to go back");
        }
        cell.now = cell.now.plus(d);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SettableClock(cell, Objects.requireNonNull(z, "zone"));
    }

    @Override
    public Instant instant() {
        return cell.now;
    }

    @Override
    public String toString() {
        return "SettableClock[" + cell.now + ", " + zone + "]";
    }
}
