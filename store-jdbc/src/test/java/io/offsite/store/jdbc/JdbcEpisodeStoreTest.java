package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.CollectingSink;
import io.offsite.geofence.Detection;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.geofence.spi.EpisodeStore;
import io.offsite.geofence.spi.SubjectHistory;
import io.offsite.testkit.SettableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            store.put(state("浙J00001", EpisodeState.Notice.NONE));
            store.flush();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE geofence_episode SET phase = 'PARKED' WHERE subject = '浙J00001'");
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
