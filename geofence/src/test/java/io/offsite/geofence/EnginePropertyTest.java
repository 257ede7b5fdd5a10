package io.offsite.geofence;

import static io.offsite.geofence.Scenario.car;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.MoveWindowStarted;
import io.offsite.core.effect.RequestOwnerMove;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Properties of the parking ladder over random timelines (presence runs, occlusions, exits, two cars). */
class EnginePropertyTest {
    static final Duration LATENESS = Duration.ofSeconds(20);
    static final String[] PLATES = {"浙A12345", "浙B8888D"};

    @Test
    void everyEpisode_hasExactlyOneOwnerRequest_andAtMostOneDispatch() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            List<EnforcementEffect> fx = runInOrder(timeline(new Random(seed)));
            Map<String, List<EnforcementEffect>> byEpisode = fx.stream().collect(Collectors.groupingBy(EnforcementEffect::episodeId));
            byEpisode.forEach((id, effects) -> {
                assertThat(effects).as("episode %s", id).filteredOn(e -> e instanceof RequestOwnerMove).hasSize(1);
                assertThat(effects).as("episode %s", id).filteredOn(e -> e instanceof DispatchOfficer).hasSizeLessThanOrEqualTo(1);
            });
        });
    }

    /** How often the timelines reach the states the properties are about; at least a third reach a dispatch. */
    @Test
    void generators_reachADispatch() {
        int timelines = 150;
        int dispatched = 0;
        int texted = 0;
        int ended = 0;
        for (long seed = 0; seed < timelines; seed++) {
            List<EnforcementEffect> fx = runInOrder(timeline(new Random(seed * 0x9E3779B97F4A7C15L)));
            dispatched += fx.stream().anyMatch(e -> e instanceof DispatchOfficer) ? 1 : 0;
            texted += fx.stream().anyMatch(e -> e instanceof RequestOwnerMove) ? 1 : 0;
            ended += fx.stream().anyMatch(e -> e instanceof io.offsite.core.effect.EpisodeResolved r
                    && r.outcome() == io.offsite.core.effect.EpisodeResolved.Outcome.MOVED) ? 1 : 0;
        }
        System.out.printf("EnginePropertyTest timelines: %d of %d reach a dispatch (%.0f %%), %d an owner text, %d an"
                + " episode ended as MOVED%n", dispatched, timelines, 100.0 * dispatched / timelines, texted, ended);
        assertThat(dispatched).as("timelines reaching a dispatch").isGreaterThanOrEqualTo(timelines / 3);
        assertThat(ended).as("timelines where an episode ends as MOVED").isGreaterThanOrEqualTo(timelines / 3);
    }

    @Test
    void dispatch_onlyWhenObservedInsideAtOrAfterWindowEnd() {
        qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
            List<Detection> input = timeline(new Random(seed));
            List<EnforcementEffect> fx = runInOrder(input);
            Map<String, RequestOwnerMove> requests = new HashMap<>();
            Map<String, MoveWindowStarted> windows = new HashMap<>();
            fx.stream().filter(e -> e instanceof RequestOwnerMove).forEach(e -> requests.put(e.episodeId(), (RequestOwnerMove) e));
            fx.stream().filter(e -> e instanceof MoveWindowStarted).forEach(e -> windows.put(e.episodeId(), (MoveWindowStarted) e));
            for (EnforcementEffect e : fx) {
                if (e instanceof DispatchOfficer d) {
                    RequestOwnerMove r = requests.get(d.episodeId());
                    MoveWindowStarted w = windows.get(d.episodeId());
                    if (w != null) {
                        // told: the full window after the delivery
                        assertThat(d.at()).isAfterOrEqualTo(w.moveBy());
                        assertThat(w.at()).isAfterOrEqualTo(r.at());
                    } else {
                        // never told: on-site handling, not before the wait ended or the dead letter came
                        assertThat(d.reason()).startsWith("owner could not be told");
                        assertThat(d.at()).isAfterOrEqualTo(r.at().plusSeconds(30));
                    }
                    assertThat(input).anyMatch(x -> x.eventTime().equals(d.at()) && x.plate().orElseThrow().text().equals(d.subject())
                            && isInside(x));
                }
            }
        });
    }

    @Test
    void duplicates_changeNothing() {
        qt().withExamples(100).forAll(longs().all(), integers().between(0, 15)).checkAssert((seed, lag) -> {
            List<Detection> input = timeline(new Random(seed));
            List<Detection> doubled = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                doubled.add(input.get(i));
                int j = i - lag;
                if (j >= 0 && input.get(i).eventMillis() - input.get(j).eventMillis() < LATENESS.toMillis()) {
                    doubled.add(input.get(j));
                }
            }
            assertThat(sorted(runInOrder(doubled, false))).isEqualTo(sorted(runInOrder(input, false)));
        });
    }

    @Test
    void shufflingWithinAllowedLateness_yieldsTheSameEffects() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            List<Detection> input = timeline(new Random(seed));
            Random r = new Random(~seed);
            Map<Detection, Long> key = new HashMap<>();
            for (Detection d : input) {
                key.put(d, d.eventMillis() + (long) (r.nextDouble() * (LATENESS.toMillis() - 1)));
            }
            List<Detection> shuffled = new ArrayList<>(input);
            shuffled.sort(Comparator.comparingLong(key::get));
            assertThat(sorted(runInOrder(shuffled, false))).isEqualTo(sorted(runInOrder(input, false)));
        });
    }

    @Test
    void submitAll_givesTheIntakesAndEffectsOfSubmittingOneByOne_inTheSameOrder() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            List<Detection> input = new ArrayList<>(timeline(r));
            // duplicates, shuffling within the lateness and a few detections far too late
            for (int i = 0, n = input.size(); i < n; i += 1 + r.nextInt(10)) {
                input.add(input.get(i));
            }
            Map<Detection, Long> key = new HashMap<>();
            for (Detection d : input) {
                long late = r.nextInt(40) == 0 ? 3 * LATENESS.toMillis() : (long) (r.nextDouble() * (LATENESS.toMillis() - 1));
                key.putIfAbsent(d, d.eventMillis() + late);
            }
            input.sort(Comparator.comparingLong(key::get));
            Detection[] batch = input.toArray(new Detection[0]);

            GeofenceEngine one = engineForProperties();
            CollectingSink oneSink = new CollectingSink();
            Intake[] oneIntakes = new Intake[batch.length];
            for (int i = 0; i < batch.length; i++) {
                oneIntakes[i] = Scenario.submit(one, batch[i], oneSink);
            }
            GeofenceEngine all = engineForProperties();
            List<Intake> allIntakes = new ArrayList<>();
            for (int from = 0; from < batch.length; ) {
                int to = Math.min(batch.length, from + 1 + r.nextInt(50));
                Batch b = all.submitAll(Arrays.asList(batch).subList(from, to));
                assertThat(b.size()).isEqualTo(to - from);
                assertThat(b.count(Intake.ACCEPTED) + b.count(Intake.LATE) + b.count(Intake.DUPLICATE))
                        .isEqualTo(to - from);
                allIntakes.addAll(b.intakes());
                from = to;
            }
            assertThat(allIntakes).containsExactly(oneIntakes);
            assertThat(Scenario.sink(all).effects()).containsExactlyElementsOf(oneSink.effects());
            assertThat(all.episodes()).containsExactlyInAnyOrderElementsOf(one.episodes());
        });
    }

    @Test
    void submitAll_refusesANullDetection_beforeSubmittingAnything() {
        GeofenceEngine e = engineForProperties();
        List<Detection> batch = Arrays.asList(car(PLATES[0], 10, Scenario.LON, Scenario.LAT), null);
        assertThatThrownBy(() -> e.submitAll(batch))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("batch element 1 is null");
        assertThat(e.trackedSubjects()).isZero();
    }

    static GeofenceEngine engineForProperties() {
        return Scenario.engine(io.offsite.geofence.spi.EpisodeStore.inMemory(), LATENESS,
                Scenario.noParking("F1").policy(LadderPolicy.parking().toBuilder().maxNoticesPerDay(2).build()).build());
    }

    static boolean isInside(Detection d) {
        return Math.abs(d.location().orElseThrow().lon() - Scenario.LON) < 0.0005;
    }

    static List<EnforcementEffect> sorted(List<EnforcementEffect> fx) {
        List<EnforcementEffect> s = new ArrayList<>(fx);
        s.sort(Comparator.comparing(EnforcementEffect::at).thenComparing(EnforcementEffect::idempotencyKey));
        return s;
    }

    static List<EnforcementEffect> runInOrder(List<Detection> input) {
        return runInOrder(input, true);
    }

    /**
     * Runs {@code input} through a fresh engine; with {@code signals}, answers owner texts as {@link #signal} does.
     * Without, no text is ever delivered (every window waits out the delivery wait): the order-independence
     * properties compare runs without host signals, whose timing is the host's, not the detections'.
     */
    static List<EnforcementEffect> runInOrder(List<Detection> input, boolean signals) {
        GeofenceEngine e = Scenario.engine(io.offsite.geofence.spi.EpisodeStore.inMemory(), LATENESS,
                Scenario.noParking("F1").policy(LadderPolicy.parking().toBuilder().maxNoticesPerDay(2).build()).build());
        List<EnforcementEffect> fx = new ArrayList<>();
        long last = 0;
        for (Detection d : input) {
            EngineResult r = Scenario.submit(e, d);
            assertThat(r.intake()).isIn(Intake.ACCEPTED, Intake.DUPLICATE);
            if (signals) {
                signal(e, r.effects(), fx);
            } else {
                fx.addAll(r.effects());
            }
            last = Math.max(last, d.eventMillis());
        }
        List<EnforcementEffect> end = Scenario.advanceTo(e, java.time.Instant.ofEpochMilli(last).plusSeconds(3600)).effects();
        if (signals) {
            signal(e, end, fx);
        } else {
            fx.addAll(end);
        }
        return fx;
    }

    /**
     * Adds {@code effects} to {@code out} and answers each owner text as a gateway might, chosen by the episode
     * id: delivered after 2 s, 60 s or 290 s (just inside the 5-minute wait), dead-lettered after 30 s, or never
     * answered (the wait expires).
     */
    static void signal(GeofenceEngine e, List<EnforcementEffect> effects, List<EnforcementEffect> out) {
        for (EnforcementEffect x : effects) {
            out.add(x);
            if (x instanceof RequestOwnerMove r) {
                NoticeResult n;
                switch (Math.floorMod(r.episodeId().hashCode(), 5)) {
                    case 0 -> n = e.ownerNotified(r.episodeId(), r.at().plusSeconds(2));
                    case 1 -> n = e.ownerNotified(r.episodeId(), r.at().plusSeconds(60));
                    case 2 -> n = e.ownerNotified(r.episodeId(), r.at().plusSeconds(290));
                    case 3 -> n = e.ownerUnreachable(r.episodeId(), r.at().plusSeconds(30), "dead-lettered");
                    default -> n = null;
                }
                if (n != null) {
                    // applied, unless the episode already ended in this same batch of effects
                    boolean ended = effects.stream().anyMatch(y -> y instanceof io.offsite.core.effect.EpisodeResolved
                            && y.episodeId().equals(r.episodeId()));
                    assertThat(n.outcome()).as(n.detail())
                            .isEqualTo(ended ? NoticeOutcome.UNKNOWN_EPISODE : NoticeOutcome.APPLIED);
                    out.addAll(Scenario.sink(e).takeEffects());
                }
            }
        }
    }

    /**
     * Random presence runs of up to two cars, with occlusions, jitter and exits, in event-time order. Runs last
     * 1–31 min (the dispatch needs ~12–17 min of presence: dwell, delivery or its wait, window); one step in 20 is
     * an occlusion of 20–59 s (within the 60 s gap tolerance) and one in 250 a gap of 61–140 s, which ends the
     * episode — so timelines reach every phase, dispatches included ({@link #generators_reachADispatch}).
     */
    static List<Detection> timeline(Random r) {
        List<Detection> out = new ArrayList<>();
        for (String plate : PLATES) {
            long t = r.nextInt(60);
            int runs = 1 + r.nextInt(3);
            for (int k = 0; k < runs; k++) {
                long length = 60 + r.nextInt(1800);
                long end = t + length;
                int step = 1 + r.nextInt(8);
                while (t <= end) {
                    double jitter = (r.nextDouble() - 0.5) * 0.00003;
                    out.add(car(plate, t, Scenario.LON + jitter, Scenario.LAT));
                    int dice = r.nextInt(1000);
                    t += dice < 4 ? 61 + r.nextInt(80) : dice < 54 ? 20 + r.nextInt(40) : step;
                }
                if (r.nextBoolean()) {
                    out.add(car(plate, t, Scenario.LON + 0.01, Scenario.LAT));
                }
                t += r.nextInt(400);
            }
        }
        out.sort(Comparator.comparingLong(Detection::eventMillis).thenComparing(d -> d.plate().orElseThrow().text()));
        return out;
    }
}
