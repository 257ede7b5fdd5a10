package io.offsite.geofence;

import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeat and daily-notice counts, written through to the store as {@link SubjectHistory} records. A tracked
 * subject's counts hang off its {@link Track} (no map entry while it is tracked); they move to a map when the
 * track is released and back when the subject is seen again. Location-scoped counts are kept per fence id.
 */
final class EngineHistory implements Ladder.History {
    private static final int MAX_WARNINGS_KEPT = 128;
    private static final String SUBJECT = "s:";
    private static final String LOCATION = "f:";
    /** Counts of subjects that have no track right now, oldest release first (pruned from the head). */
    private final Map<String, Counts> released = new LinkedHashMap<>();
    private final Map<String, Counts> byFence = new HashMap<>();
    private final ZoneId zone;
    private final EpisodeStore store;
    /** The track the engine is stepping; the ladder asks about its subject. */
    private Track current;

    /**
     * Warning start times (ascending, up to two inline: a subject warned in two overlapping fences needs no array)
     * and one day's notice count.
     */
    static final class Counts {
        private long warned0;
        private long warned1;
        private long[] warnedAll;
        private int warnedCount;
        private long noticeDay = Long.MIN_VALUE;
        private int notices;

        long warned(int i) {
            return warnedAll != null ? warnedAll[i] : i == 0 ? warned0 : warned1;
        }

        boolean isEmpty() {
            return warnedCount == 0 && notices == 0;
        }

        /** Whether nothing here can count any more: every warning before {@code warnedBefore}, no notice today. */
        boolean expired(long warnedBefore, long today) {
            return (warnedCount == 0 || warned(warnedCount - 1) < warnedBefore) && (notices == 0 || noticeDay < today);
        }

        private void setWarned(long[] sorted) {
            warnedCount = sorted.length;
            warnedAll = sorted.length > 2 ? sorted : null;
            warned0 = sorted.length >= 1 && sorted.length <= 2 ? sorted[0] : 0;
            warned1 = sorted.length == 2 ? sorted[1] : 0;
        }

        private void addWarned(long at) {
            long[] w = new long[warnedCount + 1];
            for (int i = 0; i < warnedCount; i++) {
                w[i] = warned(i);
            }
            w[warnedCount] = at;
            Arrays.sort(w);
            if (w.length > MAX_WARNINGS_KEPT) {
                w = Arrays.copyOfRange(w, w.length - MAX_WARNINGS_KEPT, w.length);
            }
            setWarned(w);
        }

        private int warnedIn(long from, long before) {
            int n = 0;
            for (int i = 0; i < warnedCount; i++) {
                long t = warned(i);
                if (t >= from && t < before) {
                    n++;
                }
            }
            return n;
        }
    }

    EngineHistory(ZoneId zone, EpisodeStore store) {
        this.zone = zone;
        this.store = store;
        for (SubjectHistory h : store.histories()) {
            Counts x = new Counts();
            long[] w = h.warnedAt().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(w);
            x.setWarned(w);
            x.noticeDay = h.noticeEpochDay();
            x.notices = h.noticesThatDay();
            if (h.key().startsWith(LOCATION)) {
                byFence.put(h.key().substring(2), x);
            } else {
                released.put(h.key().startsWith(SUBJECT) ? h.key().substring(2) : h.key(), x);
            }
        }
    }

    /** A track was created for its subject: its counts move in. */
    void attach(Track t) {
        t.counts = released.isEmpty() ? null : released.remove(t.subject());
        t.warnedOnce = Long.MIN_VALUE;
    }

    /** A track is being released: its counts move out. */
    void detach(Track t) {
        if (current == t) {
            current = null;
        }
        Counts c = full(t);
        if (c != null && !c.isEmpty()) {
            released.put(t.subject(), c);
        }
        t.counts = null;
        t.warnedOnce = Long.MIN_VALUE;
    }

    /**
     * Forgets released subjects whose counts can no longer matter at event time {@code now}: every warning older
     * than the longest repeat window of any fence and no notice on today's date. Walks from the subject released
     * longest ago and stops at the first that still matters, or after {@code budget} entries (so a call is
     * bounded). The store keeps its records; a restored engine prunes them the same way.
     */
    void prune(long now, long longestRepeatWindowMs, int budget) {
        long before = now - longestRepeatWindowMs;
        long today = day(now);
        Iterator<Counts> it = released.values().iterator();
        for (int n = 0; n < budget && it.hasNext(); n++) {
            if (!it.next().expired(before, today)) {
                return;
            }
            it.remove();
        }
    }

    /** Number of released subjects whose counts are kept (for tests and monitoring). */
    int releasedSubjects() {
        return released.size();
    }

    /** The engine is about to step {@code t}'s episodes. */
    void stepping(Track t) {
        current = t;
    }

    /** The track being stepped when it is {@code subject}'s, else null (the subject's counts are in the map). */
    private Track tracked(String subject) {
        Track t = current;
        return t != null && t.is(subject) ? t : null;
    }

    /** The track's counts as a {@link Counts} (moving a single inline warning into one), or null when none. */
    private static Counts full(Track t) {
        if (t.counts == null && t.warnedOnce != Long.MIN_VALUE) {
            t.counts = new Counts();
            t.counts.addWarned(t.warnedOnce);
            t.warnedOnce = Long.MIN_VALUE;
        }
        return t.counts;
    }

    @Override
    public int priorWarned(Fence fence, String subject, long from, long before) {
        if (fence.policy().repeatScopeIsLocation()) {
            Counts h = byFence.get(fence.id());
            return h == null ? 0 : h.warnedIn(from, before);
        }
        Track t = tracked(subject);
        if (t != null && t.counts == null) {
            long w = t.warnedOnce;
            return w != Long.MIN_VALUE && w >= from && w < before ? 1 : 0;
        }
        Counts h = t != null ? t.counts : released.get(subject);
        return h == null ? 0 : h.warnedIn(from, before);
    }

    @Override
    public int noticesOnDay(String subject, long at) {
        Track t = tracked(subject);
        Counts h = t != null ? t.counts : released.get(subject);
        return h != null && h.noticeDay == day(at) ? h.notices : 0;
    }

    void recordWarned(Fence fence, String subject, long at) {
        if (fence.policy().repeatScopeIsLocation()) {
            Counts h = byFence.computeIfAbsent(fence.id(), k -> new Counts());
            h.addWarned(at);
            write(LOCATION + fence.id(), h);
            return;
        }
        Track t = tracked(subject);
        if (t != null && t.counts == null && t.warnedOnce == Long.MIN_VALUE) {
            // the common first warning stays inline in the track (no object)
            t.warnedOnce = at;
            store.putHistory(new SubjectHistory(SUBJECT + subject, List.of(at), Long.MIN_VALUE, 0));
            return;
        }
        Counts h = countsForUpdate(t, subject);
        h.addWarned(at);
        write(SUBJECT + subject, h);
    }

    void recordNotice(String subject, long at) {
        Counts h = countsForUpdate(tracked(subject), subject);
        long d = day(at);
        h.notices = h.noticeDay == d ? h.notices + 1 : 1;
        h.noticeDay = d;
        write(SUBJECT + subject, h);
    }

    /** {@code subject}'s counts, created when absent: on its track {@code t} when it has one, else in the map. */
    private Counts countsForUpdate(Track t, String subject) {
        if (t == null) {
            return released.computeIfAbsent(subject, k -> new Counts());
        }
        if (full(t) == null) {
            t.counts = new Counts();
        }
        return t.counts;
    }

    private void write(String key, Counts h) {
        List<Long> w = new ArrayList<>(h.warnedCount);
        for (int i = 0; i < h.warnedCount; i++) {
            w.add(h.warned(i));
        }
        store.putHistory(new SubjectHistory(key, w, h.noticeDay, h.notices));
    }

    private long day(long at) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone).toEpochDay();
    }

    /** How often (event time) released subjects' histories are pruned, and how many are checked each time. */
    private static final long PRUNE_EVERY_MS = 1_000;
    private static final int PRUNE_BUDGET = 1_000;
    private long lastPrune = Long.MIN_VALUE / 2;
    private FenceIndex windowOf;
    private long longestWindow;

    /** Prunes (see {@link #prune}) when {@link #PRUNE_EVERY_MS} of event time passed since the last time. */
    void pruneDue(long wm, FenceIndex index) {
        if (wm - lastPrune >= PRUNE_EVERY_MS) {
            lastPrune = wm;
            prune(wm, longestRepeatWindow(index), PRUNE_BUDGET);
        }
    }

    /** The longest repeat window of any fence in {@code index} (cached per snapshot). */
    private long longestRepeatWindow(FenceIndex index) {
        if (windowOf != index) {
            long w = 0;
            for (int i = 0; i < index.size(); i++) {
                w = Math.max(w, index.fence(i).policy().repeatWindowMs);
            }
            longestWindow = w;
            windowOf = index;
        }
        return longestWindow;
    }
}
