package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the effects, problems and flags of one {@link Ladder} step, allocating a list only when the step has
 * something to report (most steps have nothing), and makes the step's {@link Ladder.Transition}.
 */
final class StepEffects {
    private List<EnforcementEffect> effects = List.of();
    private List<String> problems = List.of();
    boolean warned;
    boolean noticed;

    void add(EnforcementEffect e) {
        if (effects.isEmpty()) {
            effects = new ArrayList<>(4);
        }
        effects.add(e);
    }

    void problem(String p) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(1);
        }
        problems.add(p);
    }

    void resolve(EpisodeState s, long at, EpisodeResolved.Outcome o, String detail) {
        add(new EpisodeResolved(s.episodeId(), Instant.ofEpochMilli(at), o, detail));
    }

    Ladder.Transition done(EpisodeState s) {
        return new Ladder.Transition(s, effects, warned, noticed, problems);
    }
}
