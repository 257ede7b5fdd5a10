package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.evidence.ItemKind;
import io.offsite.store.jdbc.JdbcInputJournal;
import io.offsite.store.jdbc.JournalRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stills and clips an evidence plan names that no camera pushed or gave live, fetched from the recorder (NVR
 * playback, {@link IsapiRecorder}) on a worker thread of their own, never under the engine's lock: a slow or absent
 * recorder delays that one item, not the detections. Each request is journalled before it is queued (journal stream
 * {@code recorder-fetches}), so a request a crash interrupted is made again at the next start (within
 * {@link #KEPT}); a fetch that fails is tried {@link #TRIES} times, {@link #RETRY_AFTER} apart, then left as the
 * gap the case's completeness report names. The fetched item is added to the case's chain through {@code deliver}.
 */
final class RecorderFetches implements AutoCloseable {
    static final int TRIES = 3;
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration KEPT = Duration.ofHours(24);
    private static final Logger LOG = LoggerFactory.getLogger(RecorderFetches.class);
    private static final String REQUEST = "request";
    private static final String ENDED = "ended";

    /**
     * One item to fetch for a case.
     *
     * @param caseId       the case whose chain gets it
     * @param kind         {@link ItemKind#STILL} or {@link ItemKind#VIDEO_CLIP}
     * @param cameraId     the camera whose recording holds it
     * @param at           the still's instant, or the clip's start
     * @param until        the clip's end (the still's instant for a still)
     * @param subject      plate or tracker id
     * @param plateLegible whether the still must show a legible plate (the plan's requirement)
     * @param lon          where the still was taken (NaN: unknown)
     * @param lat          where the still was taken (NaN: unknown)
     */
    record Job(String caseId, ItemKind kind, String cameraId, Instant at, Instant until, String subject,
            boolean plateLegible, double lon, double lat) {
        Job {
            Objects.requireNonNull(caseId, "caseId");
            if (kind != ItemKind.STILL && kind != ItemKind.VIDEO_CLIP) {
                throw new IllegalArgumentException("a recorder fetch is a STILL or a VIDEO_CLIP, not " + kind);
            }
        }

        /** Identifies the job across restarts. */
        String id() {
            return caseId + "|" + kind + "|" + cameraId + "|" + at;
        }

        String encode() {
            return String.join("\t", caseId, kind.name(), cameraId, at.toString(), until.toString(), subject,
                    Boolean.toString(plateLegible), Double.toString(lon), Double.toString(lat));
        }

        static Job decode(String s) {
            String[] f = s.split("\t", -1);
            return new Job(f[0], ItemKind.valueOf(f[1]), f[2], Instant.parse(f[3]), Instant.parse(f[4]), f[5],
                    Boolean.parseBoolean(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]));
        }
    }

    private final CameraSnapshots recorder;
    private final Duration retryAfter;
    private final JdbcInputJournal journal;
    private final Clock clock;
    private final BiConsumer<Job, CameraSnapshots.Snapshot> deliver;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Map<String, Integer> tries = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Instant lastPrune = Instant.EPOCH;
    private volatile boolean closed;

    /**
     * Re-queues the requests the journal holds without an end (a crash interrupted them) and starts the worker.
     *
     * @param deliver adds a fetched item to its case (called on the worker thread)
     */
    RecorderFetches(CameraSnapshots recorder, JdbcInputJournal journal, Clock clock,
            BiConsumer<Job, CameraSnapshots.Snapshot> deliver) {
        this(recorder, journal, clock, deliver, RETRY_AFTER);
    }

    /** The same with another wait between tries (tests). */
    RecorderFetches(CameraSnapshots recorder, JdbcInputJournal journal, Clock clock,
            BiConsumer<Job, CameraSnapshots.Snapshot> deliver, Duration retryAfter) {
        this.retryAfter = retryAfter;
        this.recorder = recorder;
        this.journal = journal;
        this.clock = clock;
        this.deliver = deliver;
        Map<String, Job> open = new LinkedHashMap<>();
        journal.replay(clock.instant().minus(KEPT), r -> {
            if (r.kind().equals(REQUEST)) {
                Job j = Job.decode(r.payload());
                open.put(j.id(), j);
            } else {
                open.remove(r.payload());
            }
        });
        if (!open.isEmpty()) {
            LOG.info("{} recorder fetches interrupted by a restart are made again", open.size());
        }
        inFlight.addAndGet(open.size());
        queue.addAll(open.values());
        Thread.ofVirtual().name("offsite-recorder-fetches").start(this::work);
    }

    /** Journals the request and queues it; returns at once. */
    void request(Job job) {
        journal.append(List.of(new JournalRecord(REQUEST, clock.instant(), job.encode())));
        inFlight.incrementAndGet();
        queue.add(job);
    }

    private void work() {
        while (!closed) {
            Job job;
            try {
                job = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                continue;
            }
            try {
                fetch(job);
            } catch (RuntimeException e) { // the database refused the item or the journal: the next start asks again
                LOG.error("case {}: {} from the recorder of camera {} could not be kept: {}", job.caseId(), job.kind(),
                        job.cameraId(), Masks.exception(e).getMessage());
                inFlight.decrementAndGet();
            }
        }
    }

    private void fetch(Job job) {
        CameraSnapshots.Snapshot s;
        try {
            s = job.kind() == ItemKind.STILL ? recorder.fetch(job.cameraId(), job.at(), job.subject())
                    : recorder.clip(job.cameraId(), job.at(), job.until(), job.subject());
        } catch (RuntimeException e) {
            failed(job, e);
            return;
        }
        if (closed) {
            return; // stopping: the journal still holds the request, the next start makes it again
        }
        deliver.accept(job, s);
        end(job);
    }

    private void failed(Job job, RuntimeException e) {
        if (closed) {
            return;
        }
        int n = tries.merge(job.id(), 1, Integer::sum);
        if (n < TRIES) {
            LOG.info("case {}: {} from the recorder of camera {} failed (try {} of {}), again in {} s: {}",
                    job.caseId(), job.kind(), job.cameraId(), n, TRIES, retryAfter.toSeconds(),
                    Masks.exception(e).getMessage());
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(retryAfter);
                    queue.add(job);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            });
            return;
        }
        LOG.warn("case {}: {} from the recorder of camera {} not fetched after {} tries; the completeness report names"
                + " the gap: {}", job.caseId(), job.kind(), job.cameraId(), n, Masks.exception(e).getMessage());
        end(job);
    }

    private void end(Job job) {
        tries.remove(job.id());
        try {
            Instant now = clock.instant();
            journal.append(List.of(new JournalRecord(ENDED, now, job.id())));
            if (now.isAfter(lastPrune.plus(Duration.ofHours(1)))) { // requests older than KEPT are never replayed
                lastPrune = now;
                journal.pruneBefore(null, now.minus(KEPT));
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Requests queued, being fetched or waiting for a retry. */
    int pending() {
        return inFlight.get();
    }

    /** Waits until nothing is pending (or {@code timeout} passes); true when idle. For tests and the demo. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Stops taking requests; the worker ends within 200 ms or when its current fetch returns (never interrupted: an
     * interrupt would close the embedded database's file under it). Unfinished requests stay in the journal.
     */
    @Override
    public void close() {
        closed = true;
    }
}
