package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerServiceTest {

    @Test
    void oneMillionPendingDeadlinesInRandomOrder_fireOnceEachInDeadlineOrder() {
        TimerService timers = TimerService.create(16);
        Random r = new Random(1);
        for (int i = 0; i < 1_000_000; i++) {
            timers.schedule(r.nextInt(86_400_000), i);
        }
        assertThat(timers.size()).isEqualTo(1_000_000);
        long[] last = {Long.MIN_VALUE};
        int[] lastKey = {-1};
        boolean[] seen = new boolean[1_000_000];
        int fired = timers.pollDue(Long.MAX_VALUE, (t, k) -> {
            assertThat(t).isGreaterThanOrEqualTo(last[0]);
            assertThat(seen[k]).isFalse();
            seen[k] = true;
            last[0] = t;
            lastKey[0] = k;
        });
        assertThat(fired).isEqualTo(1_000_000);
        assertThat(timers.size()).isZero();
    }

    @Test
    void mixOfInOrderAndOutOfOrderDeadlines_firesInDeadlineOrder() {
        TimerService timers = TimerService.create(4);
        Random r = new Random(2);
        long t = 0;
        for (int i = 0; i < 100_000; i++) {
            t += r.nextInt(3);
            timers.schedule(r.nextInt(10) == 0 ? t - r.nextInt(1000) : t, i);
        }
        long[] last = {Long.MIN_VALUE};
        long half = t / 2;
        int fired = timers.pollDue(half, (d, k) -> {
            assertThat(d).isGreaterThanOrEqualTo(last[0]).isLessThanOrEqualTo(half);
            last[0] = d;
        });
        fired += timers.pollDue(Long.MAX_VALUE, (d, k) -> {
            assertThat(d).isGreaterThanOrEqualTo(last[0]);
            last[0] = d;
        });
        assertThat(fired).isEqualTo(100_000);
    }

    @Test
    void pollDue_firesOnlyDueDeadlines_includingOnesScheduledWhileFiring() {
        TimerService timers = TimerService.create(4);
        timers.schedule(100, 1);
        timers.schedule(300, 2);
        int n = timers.pollDue(200, (t, k) -> {
            if (k == 1) {
                timers.schedule(150, 3);
            }
        });
        assertThat(n).isEqualTo(2);
        assertThat(timers.nextDeadline()).isEqualTo(300);
    }

    @Test
    void negativeKey_isRejected() {
        assertThatThrownBy(() -> TimerService.create(1).schedule(1, -1)).hasMessageContaining("timer key");
    }

    @Test
    void interleavedStreamsAndOutOfOrderDeadlines_fireInDeadlineOrder_eachExactlyOnce() {
        TimerService timers = TimerService.create(4);
        Random r = new Random(3);
        long now = 0;
        for (int i = 0; i < 60_000; i++) {
            now += r.nextInt(3);
            int kind = r.nextInt(4);
            if (kind == 3) {
                timers.schedule(now - r.nextInt(5000), i);                   // general, often out of order
            } else {
                long offset = kind == 0 ? 0 : kind == 1 ? -4000 : 60_000;      // three offset streams
                timers.schedule(now + offset + (r.nextInt(20) == 0 ? -r.nextInt(100) : 0), i, kind);
            }
        }
        long[] last = {Long.MIN_VALUE};
        boolean[] seen = new boolean[60_000];
        int fired = timers.pollDue(Long.MAX_VALUE, (d, k) -> {
            assertThat(d).isGreaterThanOrEqualTo(last[0]);
            assertThat(seen[k]).as("key %d fired twice", k).isFalse();
            seen[k] = true;
            last[0] = d;
        });
        assertThat(fired).isEqualTo(60_000);
        assertThat(timers.size()).isZero();
    }

    @Test
    void streamOutOfRange_isRejectedWithValue() {
        assertThatThrownBy(() -> TimerService.create(1).schedule(1, 1, TimerService.STREAMS))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("timer stream").hasMessageContaining("was " + TimerService.STREAMS);
        assertThatThrownBy(() -> TimerService.create(1).schedule(1, 1, -1)).hasMessageContaining("was -1");
    }
}
