package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap's near deadlines kept in one-ms buckets leave in exactly the heap's order: by time, then key. */
class TimerCalendarTest {

    @Test
    void outOfOrderDeadlinesWithTies_leaveByTimeThenKey_mergedWithTheHeap() {
        TimerCalendar near = new TimerCalendar();
        java.util.PriorityQueue<long[]> heap = new java.util.PriorityQueue<>(TimerCalendarTest::byTimeThenKey);
        Random r = new Random(3);
        List<long[]> expected = new ArrayList<>();
        List<long[]> taken = new ArrayList<>();
        long now = 1_700_000_000_000L;
        int refused = 0;
        for (int i = 0; i < 200_000; i++) {
            now += r.nextInt(3);
            // mostly within a few seconds of the newest (the calendar's window), some far off (the heap), many ties
            // never before what was taken
            long t = r.nextInt(50) == 0 ? now + r.nextInt(30_000) : now - r.nextInt(4_000);
            int key = r.nextInt(1 << 20);
            expected.add(new long[] {t, key});
            if (!near.offer(t, key)) {
                heap.add(new long[] {t, key});
                refused++;
            }
            if (i % 1000 == 999) { // take what is due, as the engine does when the watermark moves
                take(near, heap, now - 5_000, taken);
            }
        }
        take(near, heap, Long.MAX_VALUE, taken);
        expected.sort(TimerCalendarTest::byTimeThenKey);
        assertThat(refused).isBetween(1, 100_000);
        assertThat(taken).hasSameSizeAs(expected);
        for (int i = 0; i < taken.size(); i++) {
            assertThat(taken.get(i)).as("deadline %d", i).isEqualTo(expected.get(i));
        }
    }

    private static int byTimeThenKey(long[] a, long[] b) {
        return a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]);
    }

    /** Takes every deadline up to {@code upTo} from the calendar and the heap, merged as TimerService does. */
    private static void take(TimerCalendar near, java.util.PriorityQueue<long[]> heap, long upTo, List<long[]> out) {
        while (near.size() > 0 || !heap.isEmpty()) {
            long[] h = heap.peek();
            if (near.size() > 0 && (h == null || byTimeThenKey(new long[] {near.peekTime(), near.peekKey()}, h) < 0)) {
                if (near.peekTime() > upTo) {
                    return;
                }
                out.add(new long[] {near.peekTime(), near.peekKey()});
                near.removeTop();
            } else {
                if (h[0] > upTo) {
                    return;
                }
                out.add(heap.poll());
            }
        }
    }

    @Test
    void offer_refusesTheBucketBeingTaken_andTimesOutsideTheWindow() {
        TimerCalendar c = new TimerCalendar();
        assertThat(c.offer(10_000, 5)).isTrue();
        assertThat(c.offer(10_000, 2)).isTrue();
        assertThat(c.offer(10_000 + TimerCalendar.BUCKETS, 1)).isFalse();
        assertThat(c.offer(Long.MIN_VALUE, 1)).isFalse();
        assertThat(c.peekTime()).isEqualTo(10_000);
        assertThat(c.peekKey()).isEqualTo(2);
        assertThat(c.offer(10_000, 1)).isFalse(); // sorted and being taken: goes to the heap
        assertThat(c.offer(10_001, 1)).isTrue();
        c.removeTop();
        assertThat(Arrays.asList(c.peekTime(), (long) c.peekKey())).containsExactly(10_000L, 5L);
        c.removeTop();
        assertThat(Arrays.asList(c.peekTime(), (long) c.peekKey(), (long) c.size())).containsExactly(10_001L, 1L, 1L);
    }
}
