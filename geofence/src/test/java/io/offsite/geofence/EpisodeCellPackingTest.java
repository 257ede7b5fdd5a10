package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.geofence.EpisodeState.Notice;
import io.offsite.geofence.EpisodeState.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's compact episode cell (issue 12: narrowed counts, a flags byte, the notice time as an offset from
 * the episode start, seldom-set parts in a side object) gives back exactly the state it was loaded with, at every
 * edge of its encodings, and refuses what it cannot hold with a clear error.
 */
class EpisodeCellPackingTest {
    private static final long T0 = Scenario.T0.toEpochMilli();
    private static final String ID = EpisodeIds.hmacSha256(Scenario.ID_KEY).of("F1", "ZJA12345", T0);

    private static EpisodeState state(String display, Phase phase, boolean legible, int fired, long startedAt,
            int repeats, Notice notice, long noticeAt, String detail) {
        return new EpisodeState("F1", "ZJA12345", display, 0.7, phase, T0, T0 + 5_000, 120.1, 30.2, 120.1001, 30.2001,
                Scenario.CAM, legible, fired, startedAt, Long.MAX_VALUE, Long.MAX_VALUE, repeats, ID, notice, noticeAt,
                detail);
    }

    @Test
    void roundTrip_atTheEdgesOfEveryEncoding() {
        long[] starts = {0, T0, Long.MAX_VALUE, Long.MIN_VALUE, EventTimes.END_MS};
        long[] offsets = {0, 1, -1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE,
                Integer.MIN_VALUE + 1L, Integer.MIN_VALUE + 2L, Integer.MIN_VALUE - 1L, 86_400_000L * 365};
        List<EpisodeState> states = new ArrayList<>();
        for (long start : starts) {
            for (long off : offsets) {
                for (long noticeAt : new long[] {start + off, 0, Long.MAX_VALUE, Long.MIN_VALUE, 1, -1}) {
                    states.add(state("浙A12345", Phase.ACTIVE, true, 2, start, 3, Notice.DELIVERED, noticeAt, ""));
                    states.add(state("tracker:7", Phase.DONE, false, 0, start, 0, Notice.UNREACHABLE, noticeAt,
                            "no such number"));
                }
            }
        }
        for (Phase p : Phase.values()) {
            for (Notice n : Notice.values()) {
                for (boolean legible : new boolean[] {false, true}) {
                    states.add(state("浙A12345", p, legible, EpisodeCell.MAX_COUNT, T0, EpisodeCell.MAX_COUNT, n, T0 + 9,
                            n == Notice.UNREACHABLE ? "gone" : ""));
                }
            }
        }
        for (EpisodeState s : states) {
            EpisodeCell c = new EpisodeCell();
            c.load(s);
            assertThat(c.toState(s.subject(), 0)).isEqualTo(s);
            EpisodeCell moved = new EpisodeCell();
            moved.copyFrom(c);
            assertThat(moved.toState(s.subject(), 0)).isEqualTo(s);
        }
    }

    @Test
    void trackDirtyBit_survivesLoadsAndCopies_andNeverLeaksIntoTheState() {
        Track t = new Track(PackedPlate.pack("ZJA12345"), "ZJA12345", 0);
        EpisodeState s = state("浙A12345", Phase.ACTIVE, true, 1, T0, 0, Notice.AWAITING, T0 + 1, "");
        t.addEpisode(s);
        t.dirtyBit(true);
        t.setEpisode(0, state("浙A12345", Phase.DONE, false, 2, T0, 1, Notice.DELIVERED, T0 + 2, ""));
        assertThat(t.dirtyBit()).isTrue();
        t.addEpisode(s);
        t.removeEpisode(0);
        assertThat(t.dirtyBit()).isTrue();
        assertThat(t.episode(0)).isEqualTo(s);
        t.dirtyBit(false);
        assertThat(t.dirtyBit()).isFalse();
        assertThat(t.episode(0)).isEqualTo(s);
    }

    @Test
    void manyEpisodesOnOneTrack_addAndRemoveInAnyOrder() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            Track t = new Track(PackedPlate.pack("ZJA12345"), "ZJA12345", 0);
            List<EpisodeState> model = new ArrayList<>();
            for (int op = 0; op < 30; op++) {
                if (model.isEmpty() || r.nextInt(3) > 0) {
                    EpisodeState s = state("浙A12345", Phase.ACTIVE, r.nextBoolean(), r.nextInt(5), T0 + op, op,
                            Notice.DELIVERED, T0 + op + r.nextInt(1000), "");
                    t.addEpisode(s);
                    model.add(s);
                } else {
                    int i = r.nextInt(model.size());
                    t.removeEpisode(i);
                    model.remove(i); // removing the inline episode moves episode 1 in: the order is kept
                }
                assertThat(t.episodeCount).isEqualTo((short) model.size());
                for (int i = 0; i < model.size(); i++) {
                    assertThat(t.episode(i)).isEqualTo(model.get(i));
                }
            }
        }
    }

    @Test
    void countsBeyondTheCellsRange_areRefusedWithAClearError() {
        EpisodeCell c = new EpisodeCell();
        assertThatThrownBy(() -> c.load(state("浙A12345", Phase.ACTIVE, true, EpisodeCell.MAX_COUNT + 1, T0, 0,
                Notice.NONE, 0, ""))).isInstanceOf(GeofenceException.class).hasMessageContaining("stepsFired")
                .hasMessageContaining(String.valueOf(EpisodeCell.MAX_COUNT));
        assertThatThrownBy(() -> c.load(state("浙A12345", Phase.ACTIVE, true, 0, T0, EpisodeCell.MAX_COUNT + 1,
                Notice.NONE, 0, ""))).isInstanceOf(GeofenceException.class).hasMessageContaining("repeatCount");
    }

    @Test
    void quietSight_keepsAFarNoticeTime_whenThePlateShownChangesToOneThatDoesNotPack() {
        EpisodeState s = state("浙A12345", Phase.ACTIVE, false, 1, Long.MAX_VALUE, 0, Notice.DELIVERED, T0, "");
        EpisodeCell c = new EpisodeCell();
        c.load(s);
        assertThat(c.noticeAt()).isEqualTo(T0);
        c.displayConfidence = 0.01;
        PlateRead odd = new PlateRead("浙A12345678", 0.99); // too long to pack
        assertThat(PackedPlate.pack(odd.text())).isZero();
        Fence f = Scenario.noParking("F1").build();
        FenceRule rule = new FenceRule(new Ladder.Context(f, Scenario.OFFICERS, Ladder.History.empty(), 96_000,
                EpisodeIds.hmacSha256(Scenario.ID_KEY), 1.0));
        boolean quiet = c.quietSight(T0 + 6_000, 120.1001, 30.2001, true, Scenario.CAM, true, 0, 0.99, odd, true,
                rule);
        if (quiet) { // (not asserted: whether this sighting is quiet depends on the fence's ladder)
            assertThat(c.noticeAt()).isEqualTo(T0);
            assertThat(c.toState(s.subject(), 0).noticeAt()).isEqualTo(T0);
        }
    }

    @Test
    void pendingHeads_holdOnlyTracksWithPendingEntries_andShrinkBack() {
        PendingHeads h = new PendingHeads();
        List<Track> ts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Track t = new Track(0, "k" + i, i * 7);
            ts.add(t);
            h.put(t, i, 1000L + i);
        }
        for (int i = 0; i < 5_000; i += 2) {
            h.put(ts.get(i), -i, -1000L - i);
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(h.newestSeq(ts.get(i))).isEqualTo(i % 2 == 0 ? -i : i);
            assertThat(h.maxTime(ts.get(i))).isEqualTo(i % 2 == 0 ? -1000L - i : 1000L + i);
        }
        assertThat(h.size()).isEqualTo(5_000);
        for (int i = 0; i < 5_000; i++) {
            if (i % 3 != 0) {
                h.remove(ts.get(i));
                h.remove(ts.get(i));
            }
        }
        for (int i = 0; i < 5_000; i += 3) {
            assertThat(h.newestSeq(ts.get(i))).isEqualTo(i % 2 == 0 ? -i : i);
        }
        for (int i = 0; i < 5_000; i += 3) {
            h.remove(ts.get(i));
        }
        assertThat(h.size()).isZero();
        assertThat(h.capacity()).isEqualTo(16);
        assertThatThrownBy(() -> h.newestSeq(ts.get(0))).isInstanceOf(IllegalStateException.class);
    }
}
