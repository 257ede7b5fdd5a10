package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.CaseState;
import io.offsite.devices.jt808.InMemoryJt808Terminals;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckFindingKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A truck's GPS terminal on a real socket: JT/T 808 locations reach the monitor, a detour becomes a case. */
class TruckTerminalTest {

    @Test
    void terminalLeavingItsCorridorOverJt808BecomesAFindingAndACase() throws Exception {
        try (Fixture f = new Fixture();
                Jt808Listener listener = Jt808Listener.builder(InMemoryJt808Terminals.open(),
                        m -> OffsiteServer.trucks(f.enforcement, m)).port(0).clock(f.clock).start();
                DemoTerminal terminal = new DemoTerminal(listener.port(), DemoStreet.TRUCK, "浙J58821")) {
            Instant start = Fixture.T0;
            for (int s = DemoStreet.TRUCK_FROM; s <= DemoStreet.TRUCK_UNTIL; s += 10) {
                terminal.accept(DemoStreet.truckAt(s, start.plusSeconds(s)));
            }
            assertThat(listener.messagesHandedOn()).isGreaterThanOrEqualTo(67);
            List<TruckFinding> found = f.enforcement.trucks(TruckWatch::findings);
            assertThat(found).extracting(TruckFinding::kind).containsExactly(TruckFindingKind.OFF_CORRIDOR);
            assertThat(found.get(0).start()).isEqualTo(start.plusSeconds(DemoStreet.TRUCK_OFF_FROM));
            String caseId = f.enforcement.trucks(t -> t.caseOf(found.get(0).findingId()));
            assertThat(f.enforcement.cases().find(caseId)).get()
                    .satisfies(c -> assertThat(c.penaltyCase().state()).isEqualTo(CaseState.FILED));
            assertThat(f.enforcement.desk().chain(caseId).items()).anyMatch(i -> i.kind().name().equals("GPS_TRACK"));
        }
    }

    @Test
    void truckFindingWithAPermit_isFiledAgainstThePermitHoldingCompany() {
        try (Fixture f = new Fixture()) {
            List<io.offsite.geofence.truck.TruckPosition> trip = new java.util.ArrayList<>();
            for (int s = DemoStreet.TRUCK_FROM; s <= DemoStreet.TRUCK_UNTIL; s += 10) {
                trip.add(DemoStreet.truckAt(s, Fixture.T0.plusSeconds(s)));
            }
            f.enforcement.trucks(t -> t.acceptAll(trip));
            List<TruckFinding> found = f.enforcement.trucks(TruckWatch::findings);
            assertThat(found).extracting(TruckFinding::permitNumber).containsExactly("HY-ZY-2026-0042");
            String caseId = f.enforcement.trucks(t -> t.caseOf(found.get(0).findingId()));
            var c = f.enforcement.cases().find(caseId).orElseThrow().penaltyCase();
            // a construction-waste transport permit is held by a haulage company: the case is against an organisation
            assertThat(c.party()).isEqualTo(io.offsite.cases.penalty.PartyType.ORGANISATION);
            assertThat(c.timeline().get(0).reason()).contains("against the holder of permit HY-ZY-2026-0042");
            var intended = f.enforcement.desk().intendedIfKnown(c.violation(), c.party(), c.timeline().get(0).at())
                    .orElseThrow().decision();
            assertThat(intended.tierId()).isEqualTo("org-minor");
            assertThat(intended.fineFen()).isEqualTo(5_000_00L);
        }
    }

    @Test
    void truckFindingWithoutAPermit_hasNoHolderOnRecord_soStartsAgainstAPerson() {
        TruckFinding unknown = new TruckFinding("浙J99999/UNKNOWN_TRUCK/" + Fixture.T0, TruckFindingKind.UNKNOWN_TRUCK, "",
                "浙J99999", "", io.offsite.core.violation.Violation.CONSTRUCTION_WASTE, Fixture.T0, Fixture.T0,
                io.offsite.core.geo.GeoPoint.of(121.2430, 28.6410), "S-BEIYUAN", DemoStreet.SITE_GATE_CAMERA,
                io.offsite.geofence.truck.TrackExtract.of(List.of()));
        assertThat(FindingCases.partyOf(unknown)).isEqualTo(io.offsite.cases.penalty.PartyType.PERSON);
    }

    @Test
    void a2019TerminalsTwentyDigitPhoneMatchesItsTwelveDigitPermit() {
        try (Fixture f = new Fixture()) {
            var outcome = f.enforcement.trucks(t -> t.acceptAll(List.of(io.offsite.geofence.truck.TruckPosition.of(
                    "00000000" + DemoStreet.TRUCK, Fixture.T0, 121.2430, 28.6410, 9.0))).get(0));
            assertThat(outcome.name()).isEqualTo("ACCEPTED");
            List<TruckFinding> none = f.enforcement.trucks(TruckWatch::findings);
            assertThat(none).isEmpty();
        }
    }
}
