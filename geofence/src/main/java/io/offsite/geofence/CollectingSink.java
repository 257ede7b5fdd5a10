package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.ArrayList;
import java.util.List;

/** Collects effects and problems for the engine's list-returning calls. */
final class CollectingSink implements EffectSink {
    final List<EnforcementEffect> effects = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public void effect(EnforcementEffect e) {
        effects.add(e);
    }

    @Override
    public void problem(String message) {
        problems.add(message);
    }
}
