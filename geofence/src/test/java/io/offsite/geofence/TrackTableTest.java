package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The open-addressing subject table against a HashMap model: inserts, growth, releases, slot reuse. */
class TrackTableTest {

    @Test
    void randomCreateAndRelease_matchesHashMapModel_andSlotsStayUnique() {
        TrackTable table = new TrackTable(4);
        Map<String, Track> model = new HashMap<>();
        Random r = new Random(11);
        for (int step = 0; step < 200_000; step++) {
            // packed plate keys and tracker keys that do not pack share the table
            String key = r.nextBoolean() ? "浙A" + r.nextInt(3000) : "tracker:3301/" + r.nextInt(3000);
            Track t = model.get(key);
            if (t != null && r.nextInt(3) == 0) {
                table.release(t);
                model.remove(key);
                continue;
            }
            Track got = getOrCreate(table, key);
            if (t != null) {
                assertThat(got).isSameAs(t);
            } else {
                assertThat(got.subject()).isEqualTo(key);
                model.put(key, got);
            }
            if (step % 10_000 == 0) {
                assertConsistent(table, model);
            }
        }
        assertConsistent(table, model);
    }

    private static Track getOrCreate(TrackTable table, String key) {
        long bits = PackedPlate.pack(key);
        Track t = table.get(bits, key);
        return t != null ? t : table.create(bits, key);
    }

    private static void assertConsistent(TrackTable table, Map<String, Track> model) {
        assertThat(table.size()).isEqualTo(model.size());
        assertThat(table.all()).containsExactlyInAnyOrderElementsOf(model.values());
        Set<Integer> slots = new HashSet<>();
        for (Track t : model.values()) {
            assertThat(getOrCreate(table, t.subject())).isSameAs(t);
            assertThat(table.bySlot(t.slot)).isSameAs(t);
            assertThat(slots.add(t.slot)).isTrue();
        }
        assertThat(table.size()).isEqualTo(model.size());
    }
}
