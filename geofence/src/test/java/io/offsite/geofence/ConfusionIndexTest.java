package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfusionIndexTest {

    private static Set<Track> found(ConfusionIndex index, long matchBits) {
        Set<Track> out = new HashSet<>();
        for (int s = index.find(matchBits, index.home(matchBits)); s >= 0; s = index.find(matchBits, s + 1)) {
            out.add(index.at(s));
        }
        return out;
    }

    @Test
    void sharedKeys_findEveryTrackOfTheKey_afterGrowthAndRandomRemovals() {
        Random r = new Random(7);
        ConfusionIndex index = new ConfusionIndex();
        List<Track> all = new ArrayList<>();
        String confusable = "B8D0S5Z2G6";
        for (int i = 0; i < 600; i++) {
            // 60 match keys, ten confusable spellings each
            String plate = "浙J" + (i % 60 + 100) + confusable.charAt(i / 60 % 10) + "X";
            Track t = new Track(PackedPlate.pack(plate), plate, i);
            all.add(t);
            index.add(t);
        }
        List<Track> live = new ArrayList<>(all);
        for (int round = 0; round < 400; round++) {
            Track t = live.remove(r.nextInt(live.size()));
            index.remove(t);
        }
        assertThat(index.size()).isEqualTo(live.size());
        for (Track t : all) {
            long k = PackedPlate.matchBits(t.key);
            Set<Track> expected = new HashSet<>();
            live.stream().filter(u -> PackedPlate.matchBits(u.key) == k).forEach(expected::add);
            assertThat(found(index, k)).isEqualTo(expected);
        }
    }
}
