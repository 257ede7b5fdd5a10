package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link Frontages#locate} agrees with a brute-force scan: the nearest object within the limit, ties (objects on one
 * 1 m grid point, so exact ties are common) to the smallest id, whatever the insertion order.
 */
class FrontagesPropertyTest {
    private static final LocalProjection M = LocalProjection.centredOn(GeoPoint.of(121.2600, 28.6400));

    @Test
    void locate_matchesBruteForceNearestWithinTheLimit() {
        int[] outcomes = new int[2]; // [hit, miss]: both must be reached for the property to mean anything
        qt().withExamples(400).forAll(lists().of(integers().between(0, 40 * 40 - 1)).ofSizeBetween(1, 25),
                integers().between(0, 40 * 40 - 1)).checkAssert((cells, query) -> {
                    List<ManagedObject> objects = new ArrayList<>();
                    for (int i = 0; i < cells.size(); i++) {
                        objects.add(new ManagedObject("o-" + (char) ('a' + i), "shop " + i, ObjectCategory.STREET_SHOP,
                                Optional.empty(), cell(cells.get(i))));
                    }
                    GeoPoint q = cell(query);
                    Optional<String> expected = objects.stream()
                            .filter(o -> M.distanceMeters(o.location(), q) <= 15 - 1e-6)
                            .min(Comparator.comparingDouble((ManagedObject o) -> Math.round(M.distanceMeters(o.location(), q) * 1000))
                                    .thenComparing(ManagedObject::id))
                            .map(ManagedObject::id);
                    Collections.shuffle(objects, new java.util.Random(query));
                    Optional<String> actual = Frontages.builder().addAll(objects).build().locate(q)
                            .map(f -> f.object().id());
                    assertThat(actual).isEqualTo(expected);
                    outcomes[actual.isPresent() ? 0 : 1]++;
                });
        assertThat(outcomes[0]).as("queries that hit an object").isGreaterThan(40);
        assertThat(outcomes[1]).as("queries with nothing in range").isGreaterThan(40);
    }

    /** Grid point {@code k} of a 40 × 40 grid with 2 m spacing. */
    private static GeoPoint cell(int k) {
        return M.unproject((k % 40) * 2.0, (k / 40) * 2.0);
    }
}
