package io.offsite.geofence.spi;

import java.util.List;
import java.util.Objects;

/**
 * What the engine remembers about a subject or location beyond its episodes: when its warned episodes
 * started (for repeat counting over a rolling window) and how many notices it got on one local day (for the
 * daily cap).
 *
 * @param key             {@code s:<subject>} or {@code f:<fenceId>}
 * @param warnedAt        start times (epoch ms) of warned episodes, ascending
 * @param noticeEpochDay  local epoch day of {@code noticesThatDay}
 * @param noticesThatDay  notices issued on that day
 */
public record SubjectHistory(String key, List<Long> warnedAt, long noticeEpochDay, int noticesThatDay) {
    public SubjectHistory {
        Objects.requireNonNull(key, "key");
        warnedAt = List.copyOf(warnedAt);
        if (noticesThatDay < 0) {
            throw new IllegalArgumentException("noticesThatDay must be >= 0, was " + noticesThatDay);
        }
    }
}
