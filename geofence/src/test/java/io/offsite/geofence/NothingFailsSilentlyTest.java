package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.parked;
import static io.offsite.geofence.WindowFromDeliveryTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.DispatchUnaddressed;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridLevel;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** A street with nobody on duty sends the officer above it; with nobody anywhere, an effect the host must handle. */
class NothingFailsSilentlyTest {
    static final OfficerId STREET = OfficerId.of("ZF-street");
    static final OfficerId AREA = OfficerId.of("ZF-area");
    static final OfficerId SQUADRON = OfficerId.of("ZF-squadron");
    static final OfficerId CITY = OfficerId.of("ZF-city");

    /** One chain built-up area > squadron > area > street, all over the test fence. */
    static Grid grid() {
        org.locationtech.jts.geom.Polygon all = Scenario.square(Scenario.LON, Scenario.LAT, 0.01);
        return Grid.builder().cells(List.of(
                GridCell.builder("city", GridLevel.BUILT_UP_AREA).polygon(all).responsibleOfficer(CITY.value(), "c").build(),
                GridCell.builder("sq", GridLevel.SQUADRON).parent("city").polygon(all)
                        .responsibleOfficer(SQUADRON.value(), "s").build(),
                GridCell.builder("area", GridLevel.AREA).parent("sq").polygon(all)
                        .responsibleOfficer(AREA.value(), "a").build(),
                GridCell.builder("street-7", GridLevel.STREET).parent("area").polygon(all)
                        .responsibleOfficer(STREET.value(), "t").build())).build();
    }

    static List<EnforcementEffect> parkedTwelveMinutes(OfficerDirectory officers) {
        GeofenceEngine e = Scenario.builder(FenceRegistry.of(List.of(Scenario.noParking("F1").build())), officers)
                .episodeIdKey(Scenario.ID_KEY).build();
        List<EnforcementEffect> fx = new ArrayList<>();
        Scenario.run(e, parked("浙A12345", 0, 800, 1), 900).forEach(fx::add);
        return fx;
    }

    static BiPredicate<OfficerId, Instant> onDutyExcept(Set<OfficerId> off) {
        return (o, at) -> !off.contains(o);
    }

    @Test
    void gridDirectory_streetWithoutOfficerOnDuty_answersTheAreaOfficerAndItsCell() {
        OfficerDirectory d = OfficerDirectory.ofGrid(grid(), onDutyExcept(Set.of(STREET)));
        assertThat(d.responsibleFor(CellId.of("street-7"), at(0))).isEmpty();
        OfficerDirectory.Assignment a = d.assign(CellId.of("street-7"), at(0)).orElseThrow();
        assertThat(a.officer()).isEqualTo(AREA);
        assertThat(a.cell()).isEqualTo(CellId.of("area"));
        assertThat(OfficerDirectory.ofGrid(grid(), onDutyExcept(Set.of(STREET, AREA, SQUADRON)))
                .assign(CellId.of("street-7"), at(0)).orElseThrow().cell()).isEqualTo(CellId.of("city"));
        assertThat(OfficerDirectory.ofGrid(grid()).assign(CellId.of("not-in-grid"), at(0))).isEmpty();
    }

    @Test
    void streetWithoutOfficer_dispatchGoesToTheAreaOfficer_andTheReasonSaysSo() {
        List<EnforcementEffect> fx = parkedTwelveMinutes(OfficerDirectory.ofGrid(grid(), onDutyExcept(Set.of(STREET))));
        DispatchOfficer d = only(fx, DispatchOfficer.class);
        assertThat(d.officerId()).isEqualTo(AREA);
        assertThat(d.cellId()).isEqualTo(Scenario.CELL);
        assertThat(d.reason()).contains("no officer on duty in cell street-7, sent the officer of area");
    }

    @Test
    void noOfficerAnywhereUpTheGrid_emitsDispatchUnaddressed_forTheHostToHandle() {
        List<EnforcementEffect> fx = parkedTwelveMinutes(OfficerDirectory.ofGrid(grid(),
                onDutyExcept(Set.of(STREET, AREA, SQUADRON, CITY))));
        assertThat(fx).noneMatch(x -> x instanceof DispatchOfficer);
        DispatchUnaddressed u = only(fx, DispatchUnaddressed.class);
        assertThat(u.at()).isEqualTo(at(720));
        assertThat(u.subject()).isEqualTo("浙A12345");
        assertThat(u.reason()).contains("no officer on duty in cell street-7 or any cell above it");
        assertThat(u.idempotencyKey()).endsWith("/dispatch-unaddressed");
    }

    @Test
    void lateBecauseTheEngineClockIsFarAhead_oneWarningNamingBothTimes_notOnePerDetection() {
        List<String> warnings = new ArrayList<>();
        LateWarning w = new LateWarning(warnings::add);
        long clock = at(3600).toEpochMilli();
        for (int i = 0; i < 500; i++) {
            w.late(at(i).toEpochMilli(), clock - 5_000, clock, Long.MIN_VALUE);
        }
        assertThat(warnings).singleElement().asString()
                .contains("detection event time " + at(0)).contains("engine clock " + at(3600))
                .contains("judged LATE because the engine clock is far from event time");
        long later = clock + LateWarning.QUIET_MS;
        w.late(at(600).toEpochMilli(), later - 5_000, later, Long.MIN_VALUE);
        assertThat(warnings).as("one disagreement: one warning, however long it lasts").hasSize(1);
        w.agreed();                                              // a detection accepted: the disagreement ended
        w.late(at(700).toEpochMilli(), clock - 4_000, clock + 1_000, Long.MIN_VALUE);
        assertThat(warnings).as("within the quiet time after the last warning").hasSize(1);
        w.agreed();
        w.late(at(800).toEpochMilli(), later - 5_000, later, Long.MIN_VALUE);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("1 more disagreements since the last warning");
    }

    @Test
    void engineClockAnHourAhead_manyLateDetections_oneSlf4jWarningWithBothTimes() {
        GeofenceEngine e = Scenario.engine(Scenario.noParking("F1").build());
        Scenario.advanceTo(e, at(3600));                                   // the host's clock is an hour ahead of the cameras
        List<String> warnings = stderrLines(() -> {
            for (int s = 0; s < 100; s++) {
                assertThat(Scenario.submit(e, Scenario.car("浙A12345", s)).intake()).isEqualTo(Intake.LATE);
            }
        });
        assertThat(warnings).filteredOn(l -> l.contains("judged LATE")).singleElement().asString()
                .contains("WARN").contains(GeofenceEngine.class.getName())
                .contains("detection event time " + at(0)).contains("engine clock " + at(3600));
    }

    /** Lines the test's SLF4J backend (slf4j-simple, writing to System.err) printed while {@code r} ran. */
    static List<String> stderrLines(Runnable r) {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            org.slf4j.LoggerFactory.getLogger(GeofenceEngine.class); // initialise the backend before capturing
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void detectionLateByEventTimeAlone_isNotBlamedOnTheClock() {
        GeofenceEngine e = Scenario.engine(Scenario.noParking("F1").build());
        Scenario.submit(e, Scenario.car("浙A12345", 600));                // the cameras' own time has moved on
        List<String> warnings = stderrLines(
                () -> assertThat(Scenario.submit(e, Scenario.car("浙B67890", 0)).intake()).isEqualTo(Intake.LATE));
        assertThat(warnings).noneMatch(l -> l.contains("judged LATE"));
    }
}
