package io.offsite.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import io.offsite.testkit.SettableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Episodes, histories and log queries shared by the episode-log tests. */
final class EpisodeLogFixtures {
    private EpisodeLogFixtures() {
    }

    static EpisodeState seen(EpisodeState s, long at, int round, int car) {
        return new EpisodeState(s.fenceId(), s.subject(), s.display(), 0.5 + round / 100.0, s.phase(), s.firstSeen(), at,
                s.anchorX(), s.anchorY(), 121.25 + round / 1e4, 28.63 + car / 1e4, "3310030000132100000" + (round % 10),
                s.plateLegible(), s.stepsFired(), s.startedAt(), s.nextStepAt(), s.activeUntil(), s.repeatCount(),
                s.episodeId(), s.notice(), s.noticeAt(), s.noticeDetail());
    }

    static EpisodeState state(String plate, long firstSeen) {
        return new EpisodeState("no-parking-1", plate, plate, 1.9, EpisodeState.Phase.ACTIVE, firstSeen,
                firstSeen + 60_000, 121.255, 28.634, 121.2551, 28.6341, "33100300001321000001", true, 1,
                firstSeen + 120_000, firstSeen + 720_000, Long.MAX_VALUE, 0, "", EpisodeState.Notice.NONE, 0, "");
    }

    /** {@code s} one rung further, with its owner text delivered at {@code at} (a change that is written whole). */
    static EpisodeState delivered(EpisodeState s, long at) {
        return new EpisodeState(s.fenceId(), s.subject(), s.display(), s.displayConfidence(), s.phase(), s.firstSeen(),
                s.lastSeen(), s.anchorX(), s.anchorY(), s.lastX(), s.lastY(), s.cameraId(), s.plateLegible(),
                s.stepsFired() + 1, s.startedAt(), at + 600_000, s.activeUntil(), s.repeatCount(), s.episodeId(),
                EpisodeState.Notice.DELIVERED, at, "");
    }

    static SubjectHistory history(String plate, long... warnedAt) {
        List<Long> times = java.util.Arrays.stream(warnedAt).boxed().toList();
        return new SubjectHistory("s:" + plate, times, 20_394 + warnedAt.length, warnedAt.length);
    }

    /** Writes {@code s} as a row of {@code geofence_episode}, as a store before V13 did (flush {@code logSeq}). */
    static void insertRow(HikariDataSource ds, EpisodeState s, long logSeq) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO geofence_episode ("
                + EpisodeTables.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, "engine-1", s);
            ps.setLong(24, logSeq);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void bind(PreparedStatement ps, String engineId, EpisodeState s) throws SQLException {
        ps.setString(1, engineId);
        ps.setString(2, s.fenceId());
        ps.setString(3, s.subject());
        ps.setString(4, s.display());
        ps.setDouble(5, s.displayConfidence());
        ps.setString(6, s.phase().name());
        ps.setLong(7, s.firstSeen());
        ps.setLong(8, s.lastSeen());
        ps.setDouble(9, s.anchorX());
        ps.setDouble(10, s.anchorY());
        ps.setDouble(11, s.lastX());
        ps.setDouble(12, s.lastY());
        ps.setString(13, s.cameraId());
        ps.setBoolean(14, s.plateLegible());
        ps.setInt(15, s.stepsFired());
        ps.setLong(16, s.startedAt());
        ps.setLong(17, s.nextStepAt());
        ps.setLong(18, s.activeUntil());
        ps.setInt(19, s.repeatCount());
        ps.setString(20, s.episodeId());
        ps.setString(21, s.notice().name());
        ps.setLong(22, s.noticeAt());
        ps.setString(23, s.noticeDetail());
    }

    static int logRows(HikariDataSource ds) {
        return (int) query(ds, "SELECT COUNT(*) FROM geofence_episode_log");
    }

    static long logRecords(HikariDataSource ds) {
        return query(ds, "SELECT COALESCE(SUM(entries), 0) FROM geofence_episode_log");
    }

    static long query(HikariDataSource ds, String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static SettableClock clock() {
        return SettableClock.at(ParkingStreet.T0);
    }
}
