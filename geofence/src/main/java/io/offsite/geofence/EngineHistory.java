package io.offsite.geofence;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Repeat and daily-notice counts, kept in memory and written through to the store. */
final class EngineHistory implements Ladder.History {
    private static final int MAX_WARNINGS_KEPT = 128;
    private final Map<String, SubjectHistory> byKey = new HashMap<>();
    private final ZoneId zone;
    private final EpisodeStore store;

    EngineHistory(ZoneId zone, EpisodeStore store) {
        this.zone = zone;
        this.store = store;
        for (SubjectHistory h : store.histories()) {
            byKey.put(h.key(), h);
        }
    }

    static String key(Fence fence, String subject) {
        return fence.policy().repeatScopeIsLocation() ? "f:" + fence.id() : "s:" + subject;
    }

    @Override
    public int priorWarned(Fence fence, String subject, long from, long before) {
        SubjectHistory h = byKey.get(key(fence, subject));
        if (h == null) {
            return 0;
        }
        int n = 0;
        for (long t : h.warnedAt()) {
            if (t >= from && t < before) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int noticesOnDay(String subject, long at) {
        SubjectHistory h = byKey.get("s:" + subject);
        return h != null && h.noticeEpochDay() == day(at) ? h.noticesThatDay() : 0;
    }

    void recordWarned(Fence fence, String subject, long at) {
        String k = key(fence, subject);
        SubjectHistory h = byKey.get(k);
        List<Long> w = new ArrayList<>(h == null ? List.of() : h.warnedAt());
        w.add(at);
        w.sort(null);
        while (w.size() > MAX_WARNINGS_KEPT) {
            w.remove(0);
        }
        put(new SubjectHistory(k, w, h == null ? Long.MIN_VALUE : h.noticeEpochDay(), h == null ? 0 : h.noticesThatDay()));
    }

    void recordNotice(String subject, long at) {
        String k = "s:" + subject;
        SubjectHistory h = byKey.get(k);
        long d = day(at);
        int count = h != null && h.noticeEpochDay() == d ? h.noticesThatDay() + 1 : 1;
        put(new SubjectHistory(k, h == null ? List.of() : h.warnedAt(), d, count));
    }

    private void put(SubjectHistory h) {
        byKey.put(h.key(), h);
        store.putHistory(h);
    }

    private long day(long at) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone).toEpochDay();
    }
}
