package io.offsite.geofence;

import org.slf4j.Logger;

/**
 * The engine's memory caps and what happens at them: a detection that would need memory beyond a cap is refused
 * ({@link Intake#OVER_CAPACITY}), counted, and reported to the host as a problem naming the cap and how to raise
 * it — the first refusal of each kind, then at most one report per kind per {@link #QUIET_MS} of watermark time,
 * carrying the count refused since the previous report (a flood of refusals is not a flood of problems).
 * Subjects already tracked keep being processed. Confined to the engine's thread.
 */
final class Capacity {
    /** Default {@link GeofenceEngineBuilder#maxTrackedSubjects}. */
    static final int DEFAULT_TRACKED = 1_000_000;
    /** Default {@link GeofenceEngineBuilder#maxBufferedDetections}. */
    static final int DEFAULT_BUFFERED = 1_000_000;
    /** Default {@link GeofenceEngineBuilder#maxBufferedPerSubject}. */
    static final int DEFAULT_PER_SUBJECT = 1_024;
    /** Largest cap on tracked subjects (a track's timer key is its slot × 2 + 1, an int). */
    static final int MAX_TRACKED = 1 << 28;
    /** Largest cap on buffered detections (ring sequence numbers are 30 bits in a timer key). */
    static final int MAX_BUFFERED = 1 << 30;
    /** Largest per-subject cap. */
    static final int MAX_PER_SUBJECT = 1 << 20;
    /** Heap per tracked subject, roughly: its track (= first episode), table slots, timer entries (~316 B measured). */
    static final long BYTES_PER_SUBJECT = 320;
    /** Approximate heap per buffered compact detection: its ring columns (76 B) and its timer entry (12 B). */
    static final long BYTES_PER_DETECTION = 90;
    /** At most one report per kind per this much watermark (event) time. */
    static final long QUIET_MS = 60_000;

    /** Which cap refused a detection. */
    enum Kind { TRACKED, BUFFERED, PER_SUBJECT }

    final int maxTracked;
    final int maxBuffered;
    final int maxPerSubject;
    /** The most entries a same-time search walks through for one detection: the live ones and applied ones between. */
    final int maxSearch;
    private long refused;
    private final long[] lastReported = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
    private final long[] unreported = new long[3];

    Capacity(int maxTracked, int maxBuffered, int maxPerSubject) {
        this.maxTracked = maxTracked;
        this.maxBuffered = maxBuffered;
        this.maxPerSubject = maxPerSubject;
        this.maxSearch = 2 * maxPerSubject;
    }

    /** Detections refused so far. */
    long refused() {
        return refused;
    }

    /** Heap the caps allow the engine's subjects and buffer to take, roughly (bytes). */
    long impliedBytes() {
        return maxTracked * BYTES_PER_SUBJECT + maxBuffered * BYTES_PER_DETECTION;
    }

    /**
     * Warns at start-up when {@code tracked} subjects restored from the store exceed the cap (all are kept; new
     * subjects are refused until under it), and when the caps allow more heap than the JVM has.
     */
    void warnAtStart(int tracked, Logger log) {
        if (tracked > maxTracked) {
            log.warn("restored {} tracked subjects from the store, above maxTrackedSubjects = {}: all are kept and"
                    + " processed, but detections of new subjects are refused (OVER_CAPACITY) until fewer than {} are"
                    + " tracked; raise maxTrackedSubjects", tracked, maxTracked, maxTracked);
        }
        long max = Runtime.getRuntime().maxMemory();
        if (impliedBytes() > max) {
            log.warn("the engine's caps allow about {} MB of heap (maxTrackedSubjects = {} x ~{} B, "
                    + "maxBufferedDetections = {} x ~{} B) but the JVM's maximum heap is {} MB: lower the caps or raise"
                    + " -Xmx, or a flood of new plates can exhaust the heap before a cap refuses it",
                    impliedBytes() >> 20, maxTracked, BYTES_PER_SUBJECT, maxBuffered, BYTES_PER_DETECTION, max >> 20);
        }
    }

    /**
     * Counts a refusal by the {@code kind} cap and, when due, reports it to {@code sink}; {@code tracked} and
     * {@code buffered} are the engine's current figures. Returns {@link Intake#OVER_CAPACITY}.
     */
    Intake refuse(Kind kind, EffectSink sink, long watermark, int tracked, long buffered) {
        refused++;
        int k = kind.ordinal();
        if (lastReported[k] != Long.MIN_VALUE && watermark - lastReported[k] < QUIET_MS) {
            unreported[k]++;
            return Intake.OVER_CAPACITY;
        }
        long before = unreported[k];
        lastReported[k] = watermark;
        unreported[k] = 0;
        sink.problem(message(kind, tracked, buffered) + (before > 0 ? "; " + before + " more detections refused by"
                + " this cap since the last report" : "") + "; next report after " + QUIET_MS / 1000
                + " s of event time at the earliest, refusals are counted in refusedDetections()");
        return Intake.OVER_CAPACITY;
    }

    private String message(Kind kind, int tracked, long buffered) {
        return switch (kind) {
            case TRACKED -> "detection of a new subject refused (OVER_CAPACITY): the engine tracks " + tracked
                    + " subjects, at its cap maxTrackedSubjects = " + maxTracked + "; subjects already tracked are"
                    + " still processed, new ones are refused until tracks are released (an idle subject 30 s of"
                    + " event time after its last detection, a subject in a fence when its episodes end). Raise"
                    + " GeofenceEngineBuilder.maxTrackedSubjects (about " + BYTES_PER_SUBJECT + " B of heap each)"
                    + " or shard subjects over more engines";
            case BUFFERED -> "detection refused (OVER_CAPACITY): " + buffered + " detections wait for the"
                    + " watermark, at the cap maxBufferedDetections = " + maxBuffered + "; they are applied and"
                    + " freed as event time passes them (allowed lateness). Raise"
                    + " GeofenceEngineBuilder.maxBufferedDetections (about " + BYTES_PER_DETECTION
                    + " B of heap each), lower allowedLateness, or shard subjects over more engines";
            case PER_SUBJECT -> "detection refused (OVER_CAPACITY): one subject has " + maxPerSubject
                    + " detections waiting (distinct event times, or detections at one event time), at the cap"
                    + " maxBufferedPerSubject = " + maxPerSubject + " — usually a misconfigured camera or a"
                    + " placeholder plate; raise GeofenceEngineBuilder.maxBufferedPerSubject if one subject is"
                    + " really seen that often within the allowed lateness";
        };
    }
}
