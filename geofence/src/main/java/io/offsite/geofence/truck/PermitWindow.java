package io.offsite.geofence.truck;

import io.offsite.geofence.GeofenceException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a permit allows hauling (准运时段): a local time-of-day range on some days of the week, within a validity
 * date range, in the monitor's zone (Asia/Shanghai unless {@link TruckMonitorBuilder#zone} says otherwise).
 *
 * <p>The range is half-open, {@code [from, to)}. When {@code to} is not after {@code from} the range crosses
 * midnight: 20:00–06:00 covers 20:00 of a day to 06:00 of the next, and belongs to the day it starts on (that day
 * must be in {@code days} and within {@code validFrom..validTo}), so Sunday's night shift may end on Monday morning.
 * {@code from == to} means the whole 24 hours from {@code from}.
 *
 * @param days      days of the week the range may start on, not empty
 * @param from      start of the range (inclusive), local time
 * @param to        end of the range (exclusive), local time; at or before {@code from}: the next day
 * @param validFrom first day the window may start on (inclusive)
 * @param validTo   last day the window may start on (inclusive), not before {@code validFrom}
 */
public record PermitWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to, LocalDate validFrom, LocalDate validTo) {
    public PermitWindow {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (days.isEmpty()) {
            throw new GeofenceException("permit window days must name at least one day of the week, was empty");
        }
        if (validTo.isBefore(validFrom)) {
            throw new GeofenceException("permit window validTo " + validTo + " is before validFrom " + validFrom);
        }
        if (from.getNano() != 0 || to.getNano() != 0) {
            throw new GeofenceException("permit window from/to must be whole seconds, was " + from + "–" + to);
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Every day of the week from {@code from} to {@code to} (crossing midnight when {@code to <= from}). */
    public static PermitWindow daily(LocalTime from, LocalTime to, LocalDate validFrom, LocalDate validTo) {
        return new PermitWindow(EnumSet.allOf(DayOfWeek.class), from, to, validFrom, validTo);
    }

    /** Whether the window covers the local date-time {@code local}. */
    public boolean covers(java.time.LocalDateTime local) {
        Objects.requireNonNull(local, "local");
        return compile().covers(local.toLocalDate().toEpochDay(), local.toLocalTime().toSecondOfDay());
    }

    Compiled compile() {
        int mask = 0;
        for (DayOfWeek d : days) {
            mask |= 1 << (d.getValue() - 1);
        }
        return new Compiled(mask, from.toSecondOfDay(), to.toSecondOfDay(), validFrom.toEpochDay(), validTo.toEpochDay());
    }

    /** Primitive form for the per-position check: no allocation. */
    record Compiled(int dayMask, int fromSecond, int toSecond, long validFromDay, long validToDay) {
        boolean covers(long epochDay, int secondOfDay) {
            long startDay;
            if (fromSecond < toSecond) {
                if (secondOfDay < fromSecond || secondOfDay >= toSecond) {
                    return false;
                }
                startDay = epochDay;
            } else if (secondOfDay >= fromSecond) {
                startDay = epochDay;
            } else if (secondOfDay < toSecond) {
                startDay = epochDay - 1;
            } else {
                return false;
            }
            if (startDay < validFromDay || startDay > validToDay) {
                return false;
            }
            // 1970-01-01 (epoch day 0) was a Thursday: Monday = bit 0
            int dow = (int) Math.floorMod(startDay + 3, 7L);
            return (dayMask & (1 << dow)) != 0;
        }
    }
}
