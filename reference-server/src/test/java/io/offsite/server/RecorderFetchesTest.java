package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.evidence.ItemKind;
import io.offsite.store.jdbc.JdbcInputJournal;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recorder fetches run on their own thread, survive a restart through the journal and give up after their tries. */
class RecorderFetchesTest {
    private static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9};

    private static RecorderFetches.Job still(String caseId) {
        return new RecorderFetches.Job(caseId, ItemKind.STILL, "33100300001310000001", AT, AT, "浙J12345", true,
                121.26, 28.64);
    }

    /** A recorder that waits for {@code open} before answering each still. */
    private static CameraSnapshots gated(CountDownLatch open, AtomicInteger calls) {
        return new CameraSnapshots() {
            @Override
            public Snapshot fetch(String cameraId, Instant at, String subject) {
                calls.incrementAndGet();
                try {
                    if (!open.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("recorder did not answer");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                return new Snapshot(JPEG, "image/jpeg");
            }
        };
    }

    @Test
    void requestReturnsAtOnce_andTheFetchedStillIsDeliveredOnce() throws Exception {
        Path dir = Fixture.newDir();
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC());
                RecorderFetches f = new RecorderFetches(gated(open, calls), JdbcInputJournal.create(db, "recorder"),
                        Clock.systemUTC(), (job, s) -> delivered.add(job.caseId() + " " + s.mediaType()))) {
            long t0 = System.nanoTime();
            f.request(still("331003-2026-000001"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(f.pending()).isEqualTo(1);
            assertThat(delivered).isEmpty(); // the recorder has not answered: nothing waits for it
            open.countDown();
            assertThat(f.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(delivered).containsExactly("331003-2026-000001 image/jpeg");
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void requestInterruptedByARestart_isMadeAgainByTheNextProcess_andNotAfterItEnded() throws Exception {
        Path dir = Fixture.newDir();
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            CountDownLatch never = new CountDownLatch(1);
            RecorderFetches first = new RecorderFetches(gated(never, new AtomicInteger()),
                    JdbcInputJournal.create(db, "recorder"), Clock.systemUTC(), (job, s) -> delivered.add(job.caseId()));
            first.request(still("331003-2026-000002"));
            first.close(); // the process stops while the recorder is still silent
            CountDownLatch open = new CountDownLatch(0);
            try (RecorderFetches second = new RecorderFetches(gated(open, new AtomicInteger()),
                    JdbcInputJournal.create(db, "recorder"), Clock.systemUTC(), (job, s) -> delivered.add(job.caseId()))) {
                assertThat(second.awaitIdle(Duration.ofSeconds(10))).isTrue();
            }
            assertThat(delivered).containsExactly("331003-2026-000002");
            try (RecorderFetches third = new RecorderFetches(gated(open, new AtomicInteger()),
                    JdbcInputJournal.create(db, "recorder"), Clock.systemUTC(), (job, s) -> delivered.add(job.caseId()))) {
                assertThat(third.pending()).isZero(); // ended: not asked again
            }
        }
    }

    @Test
    void recorderThatKeepsFailing_isTriedThreeTimesThenLeftAsAGap() throws Exception {
        Path dir = Fixture.newDir();
        AtomicInteger calls = new AtomicInteger();
        CameraSnapshots broken = (cameraId, at, subject) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("recorder 10.0.0.9 answered 503");
        };
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC());
                RecorderFetches f = new RecorderFetches(broken, JdbcInputJournal.create(db, "recorder"),
                        Clock.systemUTC(), (job, s) -> delivered.add(job.caseId()), Duration.ofMillis(50))) {
            f.request(still("331003-2026-000003"));
            assertThat(f.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(calls).hasValue(RecorderFetches.TRIES);
            assertThat(delivered).isEmpty();
        }
    }
}
