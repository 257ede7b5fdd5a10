package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.NoticeOutcome;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The geofence episode store on H2 and PostgreSQL: round trip, restarts mid-window, a database that goes down. */
class JdbcEpisodeStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flush_thenANewStore_readsEveryEpisodeHistoryAndTheWatermark(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", EpisodeState.Notice.DELIVERED);
            EpisodeState b = state("浙J00002", EpisodeState.Notice.NONE);
            store.put(a);
            store.put(b);
            store.put(state("浙J00003", EpisodeState.Notice.NONE));
            store.remove("no-parking-1", "浙J00003");
            store.putHistory(new SubjectHistory("s:浙J00001", List.of(1L, 2L), 20_394, 1));
            store.putWatermark(1_000);
            store.flush();

            JdbcEpisodeStore again = JdbcEpisodeStore.create(db, "engine-1");
            assertThat(again.episodes()).containsExactlyInAnyOrder(a, b);
            assertThat(again.histories()).containsExactly(new SubjectHistory("s:浙J00001", List.of(1L, 2L), 20_394, 1));
            assertThat(again.watermark()).isEqualTo(1_000);
            assertThat(JdbcEpisodeStore.create(db, "engine-2").episodes()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void engine_restartedMidWindow_onTheSameDatabase_dispatchesEachCarExactlyOnce(Dialect dialect) {
        EpisodeStore memory = EpisodeStore.inMemory();
        List<EnforcementEffect> uninterrupted = drive(memory, memory, 120, false);
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            List<EnforcementEffect> restarted = drive(JdbcEpisodeStore.create(db, "engine-1"),
                    JdbcEpisodeStore.create(db, "engine-1"), 120, true);
            // effects of the detections replayed after the restart come again under the same keys (the outbox keeps one)
            assertThat(keys(restarted).stream().distinct().toList()).containsExactlyElementsOf(keys(uninterrupted));
            assertThat(restarted.stream().distinct().count()).isEqualTo(uninterrupted.size());
            assertThat(restarted).filteredOn(e -> e instanceof DispatchOfficer).hasSize(20);
            assertThat(restarted).filteredOn(e -> e instanceof RequestOwnerMove).hasSize(20);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void putLastSeen_writesOnlyTheLastSeenData_andANewStoreReadsItBack(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            EpisodeState a = state("浙J00001", EpisodeState.Notice.DELIVERED);
            EpisodeState b = state("浙J00002", EpisodeState.Notice.NONE);
            EpisodeLogFixtures.insertRow(ds, a, 1); // rows written before V13
            EpisodeLogFixtures.insertRow(ds, b, 1);
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1", 0, 0); // folds at its first flush
            assertThat(store.episodes()).containsExactly(a, b);
            // a row edited behind the store's back shows which columns a last-seen write touches, even through a fold
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE geofence_episode SET steps_fired = 7 WHERE subject = '浙J00001'"))
                        .isEqualTo(1);
            }
            EpisodeState a2 = seen(a, 71_000, 121.2552, 28.6342, "33100300001321000002", 2.85);
            store.putLastSeen(a2);
            store.putLastSeen(seen(b, 66_000, 121.2553, 28.6343, "33100300001321000003", 0.95));
            EpisodeState b3 = seen(b, 72_000, 121.2554, 28.6344, "33100300001321000004", 1.9); // the later one wins
            store.putLastSeen(b3);
            store.putWatermark(72_000);
            store.flush();

            JdbcEpisodeStore again = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState aStored = again.episodes().stream().filter(e -> e.subject().equals("浙J00001")).findFirst()
                    .orElseThrow();
            assertThat(aStored.stepsFired()).as("a column outside the last-seen data is not rewritten").isEqualTo(7);
            assertThat(aStored).isEqualTo(new EpisodeState(a2.fenceId(), a2.subject(), a2.display(),
                    a2.displayConfidence(), a2.phase(), a2.firstSeen(), a2.lastSeen(), a2.anchorX(), a2.anchorY(),
                    a2.lastX(), a2.lastY(), a2.cameraId(), a2.plateLegible(), 7, a2.startedAt(), a2.nextStepAt(),
                    a2.activeUntil(), a2.repeatCount(), a2.episodeId(), a2.notice(), a2.noticeAt(), a2.noticeDetail()));
            assertThat(again.episodes()).contains(b3);
            assertThat(again.watermark()).isEqualTo(72_000);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void putLastSeen_afterAWholeRowPutInTheSameFlush_orOfAMissingRow_writesTheWholeRow(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            EpisodeState a = state("浙J00001", EpisodeState.Notice.NONE);
            store.put(a);
            EpisodeState a2 = seen(state("浙J00001", EpisodeState.Notice.AWAITING), 71_000, 121.2552, 28.6342,
                    "33100300001321000002", 2.85);
            store.putLastSeen(a2); // the whole row is still buffered: it goes out with this state
            EpisodeState b = seen(state("浙J00002", EpisodeState.Notice.NONE), 66_000, 121.2553, 28.6343,
                    "33100300001321000003", 0.95);
            store.putLastSeen(b); // never put: the update finds no row, the whole row is written
            EpisodeState c = state("浙J00003", EpisodeState.Notice.NONE);
            store.put(c);
            store.flush();
            store.putLastSeen(seen(c, 80_000, 121.2552, 28.6342, "33100300001321000002", 2.85));
            store.remove("no-parking-1", "浙J00003"); // a removal after a last-seen change still removes
            store.flush();

            assertThat(JdbcEpisodeStore.create(db, "engine-1").episodes()).containsExactlyInAnyOrder(a2, b);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void ownerSignal_lostInACrashBeforeTheNextCheckpoint_isAppliedAgainByTheHostsResignal_andNothingFiresTwice(
            Dialect dialect) {
        // 10 s checkpoints: a checkpoint came with the text requests; 30 s: the last checkpoint was before them, and the
        // episodes are in the store only because the engine flushed at the end of the call that started them
        for (int checkpointSeconds : new int[] {10, 30}) {
            Duration checkpoint = Duration.ofSeconds(checkpointSeconds);
            EpisodeStore memory = EpisodeStore.inMemory();
            List<EnforcementEffect> uninterrupted = driveCrashAfterSignals(memory, memory, checkpoint, false, new int[2]);
            try (HikariDataSource ds = TestDatabases.fresh(dialect, dir.resolve("c" + checkpointSeconds));
                    OffsiteDatabase db = TestDatabases.open(ds, clock())) {
                int[] restored = new int[2];
                List<EnforcementEffect> restarted = driveCrashAfterSignals(JdbcEpisodeStore.create(db, "engine-1"),
                        JdbcEpisodeStore.create(db, "engine-1"), checkpoint, true, restored);
                // the crash came before any checkpoint after the deliveries: none of them was in the store
                assertThat(restored[0]).as("episodes restored with their delivery").isZero();
                assertThat(restored[1]).as("episodes restored awaiting delivery").isEqualTo(10);
                // the same effects under the same keys: windows from the deliveries the host reported again, dispatches
                // 10 min after them (not "owner could not be told" 5 min after the request)
                assertThat(keys(restarted).stream().distinct().toList()).containsExactlyElementsOf(keys(uninterrupted));
                assertThat(restarted.stream().distinct().count()).isEqualTo(uninterrupted.size());
                assertThat(restarted).filteredOn(e -> e instanceof DispatchOfficer)
                        .allSatisfy(e -> assertThat(((DispatchOfficer) e).reason()).contains("after the owner was told"));
                if (checkpointSeconds == 10) {
                    assertThat(restarted.stream().distinct().toList()).containsExactlyInAnyOrderElementsOf(uninterrupted);
                } // with 30 s the starts were stored ahead of the watermark: the replay counts some plate reads twice

                assertThat(restarted).filteredOn(e -> e instanceof DispatchOfficer).hasSize(10);
                assertThat(uninterrupted).filteredOn(e -> e instanceof MoveWindowStarted).hasSize(10);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void flush_whileTheDatabaseIsDown_failsClearly_andWritesTheSameChangesOnceItIsBack(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            SwitchableDataSource sw = new SwitchableDataSource(ds);
            try (OffsiteDatabase db = OffsiteDatabase.builder(sw).clock(clock()).open()) {
                JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
                EpisodeState a = state("浙J00001", EpisodeState.Notice.AWAITING);
                store.put(a);
                store.putWatermark(5_000);
                sw.down(true);
                assertThatThrownBy(store::flush).isInstanceOf(StoreException.class)
                        .hasMessageContaining("engine engine-1").hasMessageContaining("cannot be reached");
                sw.down(false);
                store.flush();
                JdbcEpisodeStore again = JdbcEpisodeStore.create(db, "engine-1");
                assertThat(again.episodes()).containsExactly(a);
                assertThat(again.watermark()).isEqualTo(5_000);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void episodes_withACorruptRow_failNamingTheRow(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds, clock())) {
            EpisodeLogFixtures.insertRow(ds, state("浙J00001", EpisodeState.Notice.NONE), 1); // written before V13
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE geofence_episode SET phase = 'PARKED' WHERE subject = '浙J00001'"))
                        .isEqualTo(1);
            }
            assertThatThrownBy(() -> JdbcEpisodeStore.create(db, "engine-1").episodes())
                    .isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("geofence_episode")
                    .hasMessageContaining("engine-1/no-parking-1/浙J00001")
                    .hasMessageContaining("PARKED");
        }
    }

    /**
     * Cars 0..cars/6-1 park for 15 min, seen every 5 s; with {@code restart} the engine is replaced by a new one on
     * {@code second} at minute 7 (inside the move window, no clean shutdown), and the host replays its input from
     * the store's watermark, as it must after a crash.
     */
    private static List<EnforcementEffect> drive(EpisodeStore first, EpisodeStore second, int cars, boolean restart) {
        SettableClock clock = SettableClock.at(ParkingStreet.T0);
        CollectingSink sink = new CollectingSink();
        GeofenceEngine engine = ParkingStreet.engine(first, sink, clock);
        List<EnforcementEffect> all = new ArrayList<>();
        List<Detection> input = new ArrayList<>();
        int present = cars / 6;
        for (int s = 0; s <= 900; s += 5) {
            Instant t = ParkingStreet.T0.plusSeconds(s);
            clock.set(t);
            if (restart && s == 420) {
                engine = ParkingStreet.engine(second, sink, clock);
                long from = second.watermark();
                // the store holds the state at a checkpoint less than 10 s + the lateness old: only that much is replayed
                assertThat(from).isGreaterThan(ParkingStreet.T0.plusSeconds(400).toEpochMilli());
                for (Detection d : input) {
                    if (d.eventMillis() >= from) {
                        engine.submit(d);
                    }
                }
            }
            for (int car = 0; car < present; car++) {
                Detection d = ParkingStreet.sighting(car, t);
                input.add(d);
                engine.submit(d);
            }
            List<EnforcementEffect> got = sink.takeEffects();
            ParkingStreet.deliverTexts(engine, got);
            all.addAll(got);
            all.addAll(sink.takeEffects());
        }
        clock.advance(Duration.ofMinutes(5));
        engine.tick();
        all.addAll(sink.takeEffects());
        return all;
    }

    /**
     * Ten cars park for 15 min, seen every 5 s; each owner text is delivered 20 s after its request and the
     * host signals it right after the call that requested it. With {@code crash}, the engine and its store are
     * dropped right after those signals (no checkpoint since), a new engine starts on {@code second}, and the host
     * does what {@link EpisodeStore} asks after a crash: signals every delivery it knows again, then replays its
     * input from the watermark, signalling again each delivery the replay re-requests. {@code restored} counts the
     * delivered texts' episodes the restarted store held with their delivery [0] and still awaiting it [1].
     */
    private static List<EnforcementEffect> driveCrashAfterSignals(EpisodeStore first, EpisodeStore second,
            Duration checkpoint, boolean crash, int[] restored) {
        SettableClock clock = SettableClock.at(ParkingStreet.T0);
        CollectingSink sink = new CollectingSink();
        GeofenceEngine engine = ParkingStreet.engine(first, sink, clock, checkpoint);
        List<EnforcementEffect> all = new ArrayList<>();
        List<Detection> input = new ArrayList<>();
        Map<String, Instant> receipts = new LinkedHashMap<>(); // the host's outbox: delivered texts by episode
        boolean crashed = false;
        int present = 10;
        for (int s = 0; s <= 900; s += 5) {
            Instant t = ParkingStreet.T0.plusSeconds(s);
            clock.set(t);
            for (int car = 0; car < present; car++) {
                Detection d = ParkingStreet.sighting(car, t);
                input.add(d);
                engine.submit(d);
            }
            List<EnforcementEffect> got = sink.takeEffects();
            all.addAll(got);
            for (EnforcementEffect e : got) {
                if (e instanceof RequestOwnerMove r) {
                    receipts.put(r.episodeId(), r.at().plusSeconds(20));
                    assertThat(engine.ownerNotified(r.episodeId(), r.at().plusSeconds(20)).outcome())
                            .isEqualTo(NoticeOutcome.APPLIED);
                }
            }
            all.addAll(sink.takeEffects());
            if (crash && !crashed && !receipts.isEmpty()) {
                crashed = true;
                engine = ParkingStreet.engine(second, sink, clock, checkpoint);
                for (EpisodeState e : second.episodes()) {
                    if (receipts.containsKey(e.episodeId())) {
                        restored[e.notice() == EpisodeState.Notice.DELIVERED ? 0 : 1]++;
                    }
                }
                for (Map.Entry<String, Instant> r : receipts.entrySet()) {
                    engine.ownerNotified(r.getKey(), r.getValue()); // before the replay: episodes the store holds
                }
                long from = second.watermark();
                for (Detection d : input) {
                    if (d.eventMillis() >= from) {
                        engine.submit(d);
                        List<EnforcementEffect> again = sink.takeEffects();
                        all.addAll(again);
                        for (EnforcementEffect e : again) {
                            if (e instanceof RequestOwnerMove r && receipts.containsKey(r.episodeId())) {
                                engine.ownerNotified(r.episodeId(), receipts.get(r.episodeId()));
                            }
                        }
                        all.addAll(sink.takeEffects());
                    }
                }
            }
        }
        clock.advance(Duration.ofMinutes(5));
        engine.tick();
        all.addAll(sink.takeEffects());
        return all;
    }

    private static EpisodeState seen(EpisodeState s, long at, double x, double y, String camera, double confidence) {
        return new EpisodeState(s.fenceId(), s.subject(), s.display(), confidence, s.phase(), s.firstSeen(), at,
                s.anchorX(), s.anchorY(), x, y, camera, s.plateLegible(), s.stepsFired(), s.startedAt(), s.nextStepAt(),
                s.activeUntil(), s.repeatCount(), s.episodeId(), s.notice(), s.noticeAt(), s.noticeDetail());
    }

    private static List<String> keys(List<EnforcementEffect> effects) {
        return effects.stream().map(EnforcementEffect::idempotencyKey).toList();
    }

    private static EpisodeState state(String plate, EpisodeState.Notice notice) {
        return new EpisodeState("no-parking-1", plate, plate, 1.9, EpisodeState.Phase.ACTIVE, 1_000, 61_000, 121.255,
                28.634, 121.2551, 28.6341, "33100300001321000001", true, 1, 121_000, 721_000, Long.MAX_VALUE, 0,
                "", notice, notice == EpisodeState.Notice.NONE ? 0 : 125_000, "");
    }

    private static SettableClock clock() {
        return SettableClock.at(ParkingStreet.T0);
    }
}
