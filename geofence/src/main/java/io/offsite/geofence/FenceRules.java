package io.offsite.geofence;

import io.offsite.core.spi.OfficerDirectory;
import java.time.ZoneId;

/**
 * The {@link FenceRule} (with its {@link Ladder.Context}) of each fence of the current index snapshot, built on first
 * use and dropped when the snapshot changes. Confined to the engine's thread.
 */
final class FenceRules {
    private final OfficerDirectory officers;
    private final Ladder.History history;
    private final ZoneId zone;
    private final EpisodeIds ids;
    private final double plateReviewMargin;
    private FenceIndex rulesOf;
    private FenceRule[] rules;

    FenceRules(OfficerDirectory officers, Ladder.History history, ZoneId zone, EpisodeIds ids,
            double plateReviewMargin) {
        this.officers = officers;
        this.history = history;
        this.zone = zone;
        this.ids = ids;
        this.plateReviewMargin = plateReviewMargin;
    }

    /** The rule of fence {@code ord} of {@code index}. */
    FenceRule get(FenceIndex index, int ord) {
        if (rulesOf != index) {
            rules = new FenceRule[index.size()];
            rulesOf = index;
        }
        FenceRule r = rules[ord];
        if (r == null) {
            r = new FenceRule(new Ladder.Context(index.fence(ord).inZone(zone), officers, history,
                    index.metersPerDegreeLon(), ids, plateReviewMargin));
            rules[ord] = r;
        }
        return r;
    }

    /** Reads the rule of {@code t}'s first episode (a look-ahead load; may be stale); returns a value to consume. */
    long touch(Track t, FenceIndex index) {
        if (t == null || t.episodeCount == 0 || rulesOf != index) {
            return 0;
        }
        int o = t.ordinal;
        return o >= 0 && o < rules.length && rules[o] != null ? rules[o].gapMs : 0;
    }
}
