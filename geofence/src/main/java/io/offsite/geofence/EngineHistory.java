package io.offsite.geofence;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeat and daily-notice counts, kept compactly in memory (keyed by the subject string the tracks already
 * hold, or by fence id) and written through to the store as {@link SubjectHistory} records.
 */
final class EngineHistory implements Ladder.History {
    private static final int MAX_WARNINGS_KEPT = 128;
    private static final String SUBJECT = "s:";
    private static final String LOCATION = "f:";
    private final Map<String, Hist> bySubject = new HashMap<>();
    private final Map<String, Hist> byFence = new HashMap<>();
    private final ZoneId zone;
    private final EpisodeStore store;

    /** Mutable counts for one key; the common single warning is kept inline, more in a sorted array. */
    private static final class Hist {
        private long warned0;
        private long[] warnedAll;
        private int warnedCount;
        long noticeDay = Long.MIN_VALUE;
        int notices;

        int warnedCount() {
            return warnedCount;
        }

        long warned(int i) {
            return warnedAll == null ? warned0 : warnedAll[i];
        }

        void setWarned(long[] sorted) {
            warnedCount = sorted.length;
            warnedAll = sorted.length > 1 ? sorted : null;
            warned0 = sorted.length == 1 ? sorted[0] : 0;
        }

        long[] warnedCopy() {
            long[] w = new long[warnedCount];
            for (int i = 0; i < warnedCount; i++) {
                w[i] = warned(i);
            }
            return w;
        }
    }

    EngineHistory(ZoneId zone, EpisodeStore store) {
        this.zone = zone;
        this.store = store;
        for (SubjectHistory h : store.histories()) {
            Hist x = new Hist();
            long[] w = h.warnedAt().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(w);
            x.setWarned(w);
            x.noticeDay = h.noticeEpochDay();
            x.notices = h.noticesThatDay();
            if (h.key().startsWith(LOCATION)) {
                byFence.put(h.key().substring(2), x);
            } else {
                bySubject.put(h.key().startsWith(SUBJECT) ? h.key().substring(2) : h.key(), x);
            }
        }
    }

    private Hist repeatHist(Fence fence, String subject) {
        return fence.policy().repeatScopeIsLocation() ? byFence.get(fence.id()) : bySubject.get(subject);
    }

    @Override
    public int priorWarned(Fence fence, String subject, long from, long before) {
        Hist h = repeatHist(fence, subject);
        if (h == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < h.warnedCount(); i++) {
            long t = h.warned(i);
            if (t >= from && t < before) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int noticesOnDay(String subject, long at) {
        Hist h = bySubject.get(subject);
        return h != null && h.noticeDay == day(at) ? h.notices : 0;
    }

    void recordWarned(Fence fence, String subject, long at) {
        boolean location = fence.policy().repeatScopeIsLocation();
        Map<String, Hist> map = location ? byFence : bySubject;
        String key = location ? fence.id() : subject;
        Hist h = map.computeIfAbsent(key, k -> new Hist());
        long[] w = Arrays.copyOf(h.warnedCopy(), h.warnedCount() + 1);
        w[w.length - 1] = at;
        Arrays.sort(w);
        if (w.length > MAX_WARNINGS_KEPT) {
            w = Arrays.copyOfRange(w, w.length - MAX_WARNINGS_KEPT, w.length);
        }
        h.setWarned(w);
        write((location ? LOCATION : SUBJECT) + key, h);
    }

    void recordNotice(String subject, long at) {
        Hist h = bySubject.computeIfAbsent(subject, k -> new Hist());
        long d = day(at);
        h.notices = h.noticeDay == d ? h.notices + 1 : 1;
        h.noticeDay = d;
        write(SUBJECT + subject, h);
    }

    private void write(String key, Hist h) {
        List<Long> w = new ArrayList<>();
        for (int i = 0; i < h.warnedCount(); i++) {
            w.add(h.warned(i));
        }
        store.putHistory(new SubjectHistory(key, w, h.noticeDay, h.notices));
    }

    private long day(long at) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone).toEpochDay();
    }
}
