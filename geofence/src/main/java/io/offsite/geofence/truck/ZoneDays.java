package io.offsite.geofence.truck;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Local day and second-of-day of an epoch second in a zone, without allocating: the zone offset is cached for
 * the span between two transitions (Asia/Shanghai has had none since 1991, so one lookup serves every position).
 * Not thread-safe: {@link #epochDay} and {@link #secondOfDay} are the result of the last {@link #set}.
 */
final class ZoneDays {
    private final ZoneRules rules;
    private long fromSecond = 1;
    private long toSecond = 0;
    private int offsetSeconds;
    long epochDay;
    int secondOfDay;

    ZoneDays(ZoneId zone) {
        this.rules = zone.getRules();
    }

    void set(long epochSecond) {
        if (epochSecond < fromSecond || epochSecond >= toSecond) {
            refresh(epochSecond);
        }
        long local = epochSecond + offsetSeconds;
        epochDay = Math.floorDiv(local, 86_400L);
        secondOfDay = (int) Math.floorMod(local, 86_400L);
    }

    private void refresh(long epochSecond) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        offsetSeconds = rules.getOffset(at).getTotalSeconds();
        ZoneOffsetTransition next = rules.nextTransition(at);
        toSecond = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        ZoneOffsetTransition prev = rules.previousTransition(at);
        if (prev == null) {
            fromSecond = Long.MIN_VALUE;
        } else if (prev.getOffsetAfter().getTotalSeconds() == offsetSeconds && prev.toEpochSecond() <= epochSecond) {
            fromSecond = prev.toEpochSecond();
        } else {
            fromSecond = epochSecond;
        }
    }
}
