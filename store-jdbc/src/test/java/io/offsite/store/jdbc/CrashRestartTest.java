package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real processes: a child JVM ({@link CrashChild}) with 1,000 cars in their move windows and their messages in the
 * outbox is killed with SIGKILL mid-load; a new process on the same database resumes. Every window ends exactly once,
 * and every owner text and officer dispatch reaches the gateway under its own key, none lost.
 */
class CrashRestartTest {
    private static final int CARS = 1_000;
    private static final int LAST_SECOND = 1_200;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void childKilledMidLoad_newProcessResumes_everyWindowEndsOnce_noMessageLostOrRepeated(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            TestDatabases.open(ds, java.time.Clock.systemUTC()).close(); // the schema first (Flyway wants an empty one)
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE crash_sends (msg_key VARCHAR(200) PRIMARY KEY, attempts INTEGER NOT NULL)");
                s.execute("CREATE TABLE crash_resolved (effect_key VARCHAR(200) NOT NULL)");
            }
            String url = ds.getJdbcUrl();
            String user = ds.getUsername();
            ds.close(); // the H2 file is now the children's

            Process first = child(url, user);
            int killedAt = readUntil(first, 745); // after the dispatch rung fell due: windows open, dispatches queued
            first.destroyForcibly(); // SIGKILL
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            Process second = child(url, user);
            List<String> out = drain(second);
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("resumed child finished").isTrue();
            assertThat(second.exitValue()).as("resumed child exit; output tail %s", tail(out)).isZero();
            assertThat(out).contains("done");

            try (HikariDataSource check = TestDatabases.pool(url, user); Connection c = check.getConnection();
                    Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM crash_sends WHERE msg_key LIKE 'text/%'")).isEqualTo(CARS);
                assertThat(count(s, "SELECT COUNT(*) FROM crash_sends WHERE msg_key LIKE 'dispatch/%'")).isEqualTo(CARS);
                assertThat(count(s, "SELECT COUNT(DISTINCT effect_key) FROM crash_resolved")).isEqualTo(CARS);
                long resent = count(s, "SELECT COALESCE(SUM(attempts - 1), 0) FROM crash_sends");
                long replayedEnds = count(s, "SELECT COUNT(*) FROM crash_resolved") - CARS;
                System.out.printf("%s: killed at second %d; messages re-attempted under their key: %d; episode ends"
                        + " re-emitted by replay under their key: %d%n", dialect, killedAt, resent, replayedEnds);
                // at least once under the key: only the round in flight at the kill can be attempted again
                assertThat(resent).isLessThanOrEqualTo(CrashChild.ROUND);
                assertThat(count(s, "SELECT COUNT(*) FROM notify_outbox WHERE status <> 'DELIVERED'")).isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM geofence_episode")).isZero();
            }
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process child(String url, String user) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), url, user, Integer.toString(CARS), Integer.toString(LAST_SECOND));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the child's output until it reports second {@code second} or later; returns that second. */
    private static int readUntil(Process p, int second) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("at ") && Integer.parseInt(line.substring(3)) >= second) {
                Thread.sleep(150); // into the next step: mid-write
                return Integer.parseInt(line.substring(3));
            }
        }
        throw new AssertionError("child ended before second " + second + ": " + tail(seen));
    }

    private static List<String> drain(Process p) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }
}
