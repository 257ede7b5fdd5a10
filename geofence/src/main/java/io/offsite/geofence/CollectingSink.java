package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EffectSink} that keeps what it receives, in order, until taken: for tests and for hosts that handle
 * effects after each call ({@code engine.submit(d); for (var e : sink.takeEffects()) ...}). Not thread-safe: use it
 * on the engine's thread.
 */
public final class CollectingSink implements EffectSink {
    private final List<EnforcementEffect> effects = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** An empty sink. */
    public CollectingSink() {
    }

    @Override
    public void effect(EnforcementEffect e) {
        effects.add(e);
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }

    /** The effects received and not yet taken (a copy). */
    public List<EnforcementEffect> effects() {
        return List.copyOf(effects);
    }

    /** The problems received and not yet taken (a copy). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The effects received since the last take, in order; the sink forgets them. */
    public List<EnforcementEffect> takeEffects() {
        List<EnforcementEffect> out = List.copyOf(effects);
        effects.clear();
        return out;
    }

    /** The problems received since the last take, in order; the sink forgets them. */
    public List<String> takeProblems() {
        List<String> out = List.copyOf(problems);
        problems.clear();
        return out;
    }
}
