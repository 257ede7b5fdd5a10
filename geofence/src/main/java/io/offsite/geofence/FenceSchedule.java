package io.offsite.geofence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * When a fence is enforced: weekly time windows in a zone (e.g. Monday–Friday 07:00–09:00 in
 * Asia/Shanghai) plus dated exceptions that replace a day's windows (a holiday off, or special hours).
 * A window is half-open {@code [from, to)}; {@code to = 00:00} means the end of the day, so windows that
 * touch across midnight form one continuous active period. A schedule built without a zone
 * ({@link #builder()}) is read in the zone of the engine that enforces it ({@code GeofenceEngineBuilder.zone},
 * default Asia/Shanghai) — the same default as GeoJSON import without a {@code zone}. Immutable and thread-safe.
 */
public final class FenceSchedule {
    private static final int DAY = 86_400;
    private static final int MAX_SCAN_DAYS = 400;
    /** The zone a schedule without its own is read in outside an engine (the engine's default zone). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final FenceSchedule ALWAYS = new FenceSchedule(DEFAULT_ZONE, false, null, Map.of());

    private final ZoneId zone;
    /** Whether {@link #zone} was named by the builder (else it is the engine's, {@link #DEFAULT_ZONE} until bound). */
    private final boolean ownZone;
    /** Seconds-of-day pairs per weekday (index 0 = Monday); null means always active. */
    private final int[][] weekly;
    private final Map<LocalDate, int[]> exceptions;

    private FenceSchedule(ZoneId zone, boolean ownZone, int[][] weekly, Map<LocalDate, int[]> exceptions) {
        this.zone = zone;
        this.ownZone = ownZone;
        this.weekly = weekly;
        this.exceptions = exceptions;
    }

    /** A fence enforced at all times. */
    public static FenceSchedule always() {
        return ALWAYS;
    }

    /** Starts a schedule in the given zone; with no windows added it is never active. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Objects.requireNonNull(zone, "zone"), true);
    }

    /**
     * Starts a schedule read in the zone of the engine that enforces it (so one fence file serves any city);
     * outside an engine it is read in {@link #DEFAULT_ZONE}, the engine's default.
     */
    public static Builder builder() {
        return new Builder(DEFAULT_ZONE, false);
    }

    /** True when the fence is enforced at all times. */
    public boolean isAlways() {
        return weekly == null;
    }

    /** The zone the windows are read in (for a schedule without its own: the engine's, or {@link #DEFAULT_ZONE}). */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the schedule names its own zone; false when it follows the engine's. */
    public boolean hasOwnZone() {
        return ownZone;
    }

    /** This schedule read in {@code engineZone} if it names no zone of its own; else this schedule. */
    FenceSchedule inZone(ZoneId engineZone) {
        if (ownZone || weekly == null || zone.equals(engineZone)) {
            return this;
        }
        return new FenceSchedule(engineZone, false, weekly, exceptions);
    }

    /** Whether the fence is enforced at {@code t} (any instant; beyond the epoch-millisecond range it saturates). */
    public boolean isActive(Instant t) {
        return isActive(EventTimes.saturatedMillis(t));
    }

    /** Whether the fence is enforced at epoch millisecond {@code t}. */
    public boolean isActive(long t) {
        if (weekly == null) {
            return true;
        }
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        return windowAt(z.toLocalDate(), z.toLocalTime().toSecondOfDay()) >= 0;
    }

    /**
     * Start (epoch ms) of the active period containing {@code t}, or {@link Long#MIN_VALUE} when the period
     * started more than a year back or the fence is always active; {@link Long#MAX_VALUE} if inactive at t.
     */
    public long activeSince(long t) {
        if (weekly == null) {
            return Long.MIN_VALUE;
        }
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        LocalDate d = z.toLocalDate();
        int i = windowAt(d, z.toLocalTime().toSecondOfDay());
        if (i < 0) {
            return Long.MAX_VALUE;
        }
        int from = windows(d)[i];
        for (int n = 0; from == 0 && n < MAX_SCAN_DAYS; n++) {
            LocalDate prev = d.minusDays(1);
            int[] w = windows(prev);
            if (w.length == 0 || w[w.length - 1] != DAY) {
                return at(d, 0);
            }
            d = prev;
            from = w[w.length - 2];
        }
        return from == 0 ? Long.MIN_VALUE : at(d, from);
    }

    /**
     * End (epoch ms, exclusive) of the active period containing {@code t}; {@link Long#MAX_VALUE} when
     * always active or the period lasts beyond a year; {@link Long#MIN_VALUE} if inactive at t.
     */
    public long activeUntil(long t) {
        if (weekly == null) {
            return Long.MAX_VALUE;
        }
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
        LocalDate d = z.toLocalDate();
        int i = windowAt(d, z.toLocalTime().toSecondOfDay());
        if (i < 0) {
            return Long.MIN_VALUE;
        }
        int to = windows(d)[i + 1];
        for (int n = 0; to == DAY && n < MAX_SCAN_DAYS; n++) {
            LocalDate next = d.plusDays(1);
            int[] w = windows(next);
            if (w.length == 0 || w[0] != 0) {
                return at(next, 0);
            }
            d = next;
            to = w[1];
        }
        return to == DAY ? Long.MAX_VALUE : at(d, to);
    }

    private long at(LocalDate d, int secondOfDay) {
        // saturates far outside the event-time range (a query at Long.MAX_VALUE ms), never overflows
        return EventTimes.saturatedMillis(d.atStartOfDay(zone).plusSeconds(secondOfDay).toInstant());
    }

    private int[] windows(LocalDate d) {
        int[] ex = exceptions.get(d);
        return ex != null ? ex : weekly[d.getDayOfWeek().ordinal()];
    }

    private int windowAt(LocalDate d, int sec) {
        int[] w = windows(d);
        for (int i = 0; i < w.length; i += 2) {
            if (sec >= w[i] && sec < w[i + 1]) {
                return i;
            }
        }
        return -1;
    }

    /** Seconds-of-day pairs [from, to) for a weekday (0 = Monday); for export. */
    int[] weeklyWindows(int dayIndex) {
        return weekly[dayIndex].clone();
    }

    /** Dated exceptions: date → seconds-of-day pairs (empty = off); for export. */
    Map<LocalDate, int[]> exceptionWindows() {
        return exceptions;
    }

    @Override
    public String toString() {
        return weekly == null ? "FenceSchedule[always]" : "FenceSchedule[" + zone + (ownZone ? "" : " (engine's)")
                + ", exceptions=" + exceptions.keySet() + "]";
    }

    /** Collects weekly windows and dated exceptions; every setter validates its input at once. */
    public static final class Builder {
        private final ZoneId zone;
        private final boolean ownZone;
        private final Map<DayOfWeek, List<int[]>> weekly = new EnumMap<>(DayOfWeek.class);
        private final TreeMap<LocalDate, List<int[]>> exceptions = new TreeMap<>();

        private Builder(ZoneId zone, boolean ownZone) {
            this.zone = zone;
            this.ownZone = ownZone;
        }

        /** Active on each of {@code days} from {@code from} (inclusive) to {@code to} (exclusive; 00:00 = end of day). */
        public Builder weekly(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
            int[] w = window(from, to, "weekly " + days);
            if (days.isEmpty()) {
                throw new GeofenceException("weekly window needs at least one day");
            }
            for (DayOfWeek d : days) {
                weekly.computeIfAbsent(d, k -> new ArrayList<>()).add(w);
            }
            return this;
        }

        /** Active all day on each of {@code days}. */
        public Builder allDay(Set<DayOfWeek> days) {
            return weekly(days, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        }

        /** Not active at all on {@code date} (a holiday), whatever the weekly windows say; 1970-01-01 to 8999-12-31. */
        public Builder off(LocalDate date) {
            exceptions.put(EventTimes.date(date, "schedule exception (off): date"), new ArrayList<>());
            return this;
        }

        /**
         * On {@code date} (1970-01-01 to 8999-12-31), active from {@code from} to {@code to} instead of the weekly
         * windows (may be repeated).
         */
        public Builder on(LocalDate date, LocalTime from, LocalTime to) {
            EventTimes.date(date, "schedule exception (on): date");
            int[] w = window(from, to, "exception " + date);
            exceptions.computeIfAbsent(date, k -> new ArrayList<>()).add(w);
            return this;
        }

        /** An immutable schedule. */
        public FenceSchedule build() {
            int[][] week = new int[7][];
            for (DayOfWeek d : DayOfWeek.values()) {
                week[d.ordinal()] = merge(weekly.getOrDefault(d, List.of()), "weekly " + d);
            }
            Map<LocalDate, int[]> ex = new TreeMap<>();
            exceptions.forEach((d, ws) -> ex.put(d, merge(ws, "exception " + d)));
            return new FenceSchedule(zone, ownZone, week, Collections.unmodifiableMap(ex));
        }

        private static int[] window(LocalTime from, LocalTime to, String where) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            int f = from.toSecondOfDay();
            int t = to.equals(LocalTime.MIDNIGHT) ? DAY : to.toSecondOfDay();
            if (f >= t) {
                throw new GeofenceException(where + ": window " + from + "–" + to
                        + " must end after it starts (use 00:00 as the end of the day; split windows across midnight)");
            }
            return new int[] {f, t};
        }

        private static int[] merge(List<int[]> ws, String where) {
            List<int[]> sorted = new ArrayList<>(ws);
            sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<int[]> out = new ArrayList<>();
            for (int[] w : sorted) {
                if (!out.isEmpty() && w[0] <= out.get(out.size() - 1)[1]) {
                    int[] last = out.get(out.size() - 1);
                    last[1] = Math.max(last[1], w[1]);
                } else {
                    out.add(new int[] {w[0], w[1]});
                }
            }
            int[] flat = new int[out.size() * 2];
            for (int i = 0; i < out.size(); i++) {
                flat[2 * i] = out.get(i)[0];
                flat[2 * i + 1] = out.get(i)[1];
            }
            return flat;
        }
    }
}
