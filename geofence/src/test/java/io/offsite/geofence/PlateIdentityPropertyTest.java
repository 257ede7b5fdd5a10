package io.offsite.geofence;

import static io.offsite.geofence.Scenario.LAT;
import static io.offsite.geofence.Scenario.LON;
import static io.offsite.geofence.Scenario.engine;
import static io.offsite.geofence.Scenario.noParking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.PlateReview;
import io.offsite.core.effect.RequestOwnerMove;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Confusion-tolerant matching never merges two cars whose plates are read legibly at different positions. */
class PlateIdentityPropertyTest {
    private static final String CONFUSABLE_CLASSES = "B8|D0|S5|Z2|G6";
    private static final String OTHERS = "ACEFHJKLMNPRTUVWXY34579";

    @Test
    void twoLegiblyReadConfusablePlatesAtDifferentPositions_areNeverMerged() {
        int[] sharedTexts = new int[1];
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            String[] pair = confusablePair(r);
            // the second car stands at least 2 m from the first (bays are 2.5 m wide), in any direction
            double separation = 2.0 + r.nextDouble() * 8;
            double angle = r.nextDouble() * 2 * Math.PI;
            double[][] pos = {{LON, LAT}, {LON + separation * Math.cos(angle) * PlateIdentityTest.DEG_PER_M,
                    LAT + separation * Math.sin(angle) / 111_320.0}};
            List<Detection> ds = new ArrayList<>();
            int[] every = {1 + r.nextInt(5), 1 + r.nextInt(5)};
            int[] offset = {r.nextInt(3), r.nextInt(3)};
            for (int s = 0; s <= 200; s++) {
                int first = r.nextInt(2); // which car's read arrives first this second
                for (int k = 0; k < 2; k++) {
                    int c = k == 0 ? first : 1 - first;
                    if ((s + offset[c]) % every[c] == 0) {
                        double jx = (r.nextDouble() - 0.5) * 0.6 * PlateIdentityTest.DEG_PER_M; // ±0.3 m
                        double jy = (r.nextDouble() - 0.5) * 0.6 / 111_320.0;
                        ds.add(Detection.builder(CameraId.of(Scenario.CAM), Scenario.at(s)).plate(pair[c],
                                0.8 + r.nextDouble() * 0.2).at(pos[c][0] + jx, pos[c][1] + jy).build());
                    }
                }
            }
            GeofenceEngine e = engine(noParking("F1").build());
            List<EnforcementEffect> fx = Scenario.run(e, ds, 200);

            Set<String> texted = fx.stream().filter(x -> x instanceof RequestOwnerMove)
                    .map(x -> ((RequestOwnerMove) x).plate()).collect(Collectors.toSet());
            assertThat(texted).as("%s and %s, %.1f m apart", pair[0], pair[1], separation)
                    .containsExactlyInAnyOrder(pair[0], pair[1]);
            assertThat(fx).noneMatch(x -> x instanceof PlateReview);
            assertThat(e.episodes()).extracting(EpisodeState::subject).containsExactlyInAnyOrder(pair[0], pair[1]);
            if (Plates.matchKey(pair[0]).equals(Plates.matchKey(pair[1]))) {
                sharedTexts[0]++;
            }
        });
        assertThat(sharedTexts[0]).as("every generated pair shares its match key").isEqualTo(200);
    }

    /** Two distinct plates 浙J + 5 characters that differ only by OCR-confusable characters. */
    static String[] confusablePair(Random r) {
        String[] classes = CONFUSABLE_CLASSES.split("\\|");
        StringBuilder a = new StringBuilder("浙J");
        StringBuilder b = new StringBuilder("浙J");
        boolean differs = false;
        for (int i = 0; i < 5; i++) {
            if (r.nextInt(3) > 0 || (i == 4 && !differs)) {
                String cls = classes[r.nextInt(classes.length)];
                int x = r.nextInt(2);
                int y = r.nextBoolean() || (i == 4 && !differs) ? 1 - x : x;
                a.append(cls.charAt(x));
                b.append(cls.charAt(y));
                differs |= x != y;
            } else {
                char c = OTHERS.charAt(r.nextInt(OTHERS.length()));
                a.append(c);
                b.append(c);
            }
        }
        return new String[] {a.toString(), b.toString()};
    }
}
