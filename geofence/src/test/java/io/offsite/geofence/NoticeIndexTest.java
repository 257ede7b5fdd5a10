package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The episode-id lookup costs memory only while episodes await delivery, and survives hash collisions. */
class NoticeIndexTest {

    @Test
    void entriesShareAHash_eachSlotIsFound_andSettlingOneKeepsTheOthers() {
        NoticeIndex idx = new NoticeIndex();
        for (int slot = 0; slot < 5; slot++) {
            idx.add(42, slot);
        }
        int[] out = new int[8];
        assertThat(idx.find(42, out)).isEqualTo(5);
        idx.settle(42, 2, NoticeIndex.TOLD);
        int n = idx.find(42, out);
        assertThat(n).isEqualTo(4);
        assertThat(java.util.Arrays.copyOf(out, n)).containsExactlyInAnyOrder(0, 1, 3, 4);
        assertThat(idx.settled(42)).isEqualTo(NoticeIndex.TOLD);
    }

    @Test
    void growsWhileEpisodesAwait_andShrinksBackWhenTheyAreTold() {
        NoticeIndex idx = new NoticeIndex();
        long[] h = new long[10_000];
        for (int i = 0; i < h.length; i++) {
            h[i] = NoticeIndex.hash("F1/subject-" + i + "/1793577720000");
            idx.add(h[i], i);
        }
        assertThat(idx.capacity()).isGreaterThanOrEqualTo(20_000);
        int[] out = new int[8];
        for (int i = 0; i < h.length; i++) {
            int n = idx.find(h[i], out);
            assertThat(java.util.Arrays.copyOf(out, n)).contains(i);
        }
        for (int i = 0; i < h.length; i++) {
            idx.settle(h[i], i, NoticeIndex.TOLD);
        }
        assertThat(idx.size()).isZero();
        assertThat(idx.capacity()).isLessThanOrEqualTo(32);
        assertThat(idx.find(h[0], out)).isZero();
        assertThat(idx.settled(h[h.length - 1])).isEqualTo(NoticeIndex.TOLD);
        assertThat(idx.settled(h[0])).as("beyond the ring of recent settlements").isZero();
    }

    @Test
    void hash_isNeverZero_theEmptyMarker() {
        assertThat(NoticeIndex.hash("")).isNotZero();
        assertThat(NoticeIndex.hash("a")).isNotEqualTo(NoticeIndex.hash("b"));
    }
}
