package io.offsite.geofence;

import static io.offsite.geofence.Scenario.at;
import static io.offsite.geofence.Scenario.car;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.RequestOwnerMove;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's one sink, {@code tick()} streaming into it, the batch call, the watermark and the clock check. */
class EngineSinkRuleTest {
    private static GeofenceEngine engine(Clock clock, EffectSink sink) {
        return GeofenceEngine.builder(FenceRegistry.of(List.of(noParking("F1").build())), Scenario.OFFICERS)
                .effects(sink).clock(clock).episodeIdKey(Scenario.ID_KEY).build();
    }

    @Test
    void build_withoutAnEffectSink_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> GeofenceEngine.builder(FenceRegistry.of(List.of()), Scenario.OFFICERS)
                .episodeIdKey(Scenario.ID_KEY).build()).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("effects(sink) is required");
    }

    @Test
    void effectsOfAnEarlierDetection_reachTheBuildersSink_notAPerCallSink() {
        CollectingSink sink = new CollectingSink();
        GeofenceEngine e = engine(Scenario.CLOCK, sink);
        for (int s = 0; s <= 125; s++) {
            assertThat(e.submit(car("浙J12345", s))).isEqualTo(Intake.ACCEPTED);
        }
        assertThat(sink.takeEffects()).as("the owner text is due at 120 s, the watermark is at 120 s").isEmpty();
        // another car's detection moves the watermark past 120 s: the first car's text is decided now, in its call
        assertThat(e.submit(car("浙J67890", 126))).isEqualTo(Intake.ACCEPTED);
        assertThat(sink.takeEffects()).singleElement().isInstanceOfSatisfying(RequestOwnerMove.class,
                r -> assertThat(r.plate()).isEqualTo("浙J12345"));
        assertThat(e.submit(car("浙J67890", 127))).isEqualTo(Intake.ACCEPTED);
        assertThat(sink.takeEffects()).as("nothing else was due").isEmpty();
    }

    @Test
    void tick_streamsTimerEffectsIntoTheBuildersSink() {
        TestClock clock = new TestClock(at(0));
        List<EnforcementEffect> got = new ArrayList<>();
        GeofenceEngine e = engine(clock, EffectSink.of(got::add, p -> { }));
        for (int s = 0; s <= 130; s++) {
            clock.set(at(s));
            e.submit(car("浙J12345", s));
        }
        clock.set(at(140));
        e.tick();
        RequestOwnerMove text = (RequestOwnerMove) got.stream().filter(x -> x instanceof RequestOwnerMove)
                .findFirst().orElseThrow();
        assertThat(e.ownerNotified(text.episodeId(), at(125)).outcome()).isEqualTo(NoticeOutcome.APPLIED);
        for (int s = 131; s <= 700; s++) {
            clock.set(at(s));
            e.submit(car("浙J12345", s));
        }
        clock.set(at(900));
        got.clear();
        e.tick(); // the car left at 700 s: the gap deadline ends the episode on the clock alone
        assertThat(got).singleElement().isInstanceOf(io.offsite.core.effect.EpisodeResolved.class);
        assertThat(e.watermark()).contains(at(900).minusSeconds(5));
    }

    @Test
    void watermark_isEmptyBeforeAnything_thenAnInstant() {
        GeofenceEngine e = engine(Scenario.CLOCK, new CollectingSink());
        assertThat(e.watermark()).isEmpty();
        e.submit(car("浙J12345", 100));
        assertThat(e.watermark()).contains(at(95));
    }

    @Test
    void submitAll_returnsEachIntakeAndTheirCounts() {
        GeofenceEngine e = engine(Scenario.CLOCK, new CollectingSink());
        Batch b = e.submitAll(List.of(car("浙J12345", 100), car("浙J12345", 100), car("浙J67890", 90),
                car("浙J67890", 101)));
        assertThat(b.intakes()).containsExactly(Intake.ACCEPTED, Intake.DUPLICATE, Intake.LATE, Intake.ACCEPTED);
        assertThat(b.count(Intake.ACCEPTED)).isEqualTo(2);
        assertThat(b.allAccepted()).isFalse();
        assertThat(b.toString()).contains("ACCEPTED=2", "DUPLICATE=1", "LATE=1");
    }

    @Test
    void forgottenClock_tickMakesPastTrafficLate_reportedAsClockSkewOncePerDisagreement() {
        // the engine's clock (as with the default system clock) is a day ahead of the replayed traffic
        Clock dayAhead = Clock.fixed(at(86_400), ZoneOffset.UTC);
        GeofenceEngine e = engine(dayAhead, new CollectingSink());
        e.submit(car("浙J12345", 0));
        assertThat(e.clockSkew()).isEmpty();
        List<String> warnings = NothingFailsSilentlyTest.stderrLines(() -> {
            e.tick();
            for (int s = 1; s <= 50; s++) {
                assertThat(e.submit(car("浙J12345", s))).isEqualTo(Intake.LATE);
            }
        });
        assertThat(warnings).filteredOn(l -> l.contains("engine clock is far from event time")).hasSize(1);
        ClockSkew skew = e.clockSkew().orElseThrow();
        assertThat(skew.lateDetections()).isEqualTo(50);
        assertThat(skew.engineClock()).isEqualTo(at(86_400));
        assertThat(skew.since()).isEqualTo(at(1));
        assertThat(skew.eventTime()).isEqualTo(at(50));
        assertThat(skew.clockAhead()).isEqualTo(Duration.ofSeconds(86_400 - 50));
        assertThat(e.clockLateDetections()).isEqualTo(50);

        // traffic stamped near the clock is accepted again: the disagreement ends, the total stays
        assertThat(e.submit(car("浙J12345", 86_400))).isEqualTo(Intake.ACCEPTED);
        assertThat(e.clockSkew()).isEmpty();
        assertThat(e.clockLateDetections()).isEqualTo(50);
    }

    @Test
    void lateByEventTimeAlone_isNoClockSkew() {
        GeofenceEngine e = engine(Scenario.CLOCK, new CollectingSink());
        e.submit(car("浙J12345", 600));
        assertThat(e.submit(car("浙J67890", 0))).isEqualTo(Intake.LATE);
        assertThat(e.clockSkew()).isEmpty();
        assertThat(e.clockLateDetections()).isZero();
    }

    @Test
    void collectingSink_takeReturnsInOrderAndForgets() {
        CollectingSink c = new CollectingSink();
        c.problem("a");
        c.problem("b");
        assertThat(c.problems()).containsExactly("a", "b");
        assertThat(c.takeProblems()).containsExactly("a", "b");
        assertThat(c.takeProblems()).isEmpty();
        assertThat(c.effects()).isEmpty();
    }

    @Test
    void parkedPastDwellAndWindow_dispatchesThroughTheSinkWhenTheClockTicks() {
        TestClock clock = new TestClock(at(0));
        CollectingSink sink = new CollectingSink();
        GeofenceEngine e = engine(clock, sink);
        List<EnforcementEffect> all = new ArrayList<>();
        for (int s = 0; s <= 720; s += 5) {
            clock.set(at(s));
            e.submit(car("浙J12345", s));
            for (EnforcementEffect x : sink.takeEffects()) {
                all.add(x);
                if (x instanceof RequestOwnerMove r) {
                    e.ownerNotified(r.episodeId(), r.at()); // after the call returned: never from inside the sink
                }
            }
        }
        assertThat(all).noneMatch(x -> x instanceof DispatchOfficer);
        clock.set(at(730));
        e.tick(); // no more detections: the tick applies the sighting at 720 s, the window's end
        assertThat(sink.takeEffects()).anyMatch(x -> x instanceof DispatchOfficer);
    }
}
