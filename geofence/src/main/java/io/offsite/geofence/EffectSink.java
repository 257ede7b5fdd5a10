package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives what the engine decides: effects in event-time order, and problems — effects that could not be
 * produced (e.g. no officer on duty for a cell) and input refused (a detection from the future,
 * {@link Intake#FUTURE}). Problems are never only logged; they reach the host here.
 */
public interface EffectSink {

    /** An effect to carry out. */
    void effect(EnforcementEffect effect);

    /** Something that needs a human: what, where and why. */
    void problem(String message);

    /** A sink from two consumers. */
    static EffectSink of(Consumer<EnforcementEffect> effects, Consumer<String> problems) {
        Objects.requireNonNull(effects, "effects");
        Objects.requireNonNull(problems, "problems");
        return new EffectSink() {
            @Override
            public void effect(EnforcementEffect e) {
                effects.accept(e);
            }

            @Override
            public void problem(String message) {
                problems.accept(message);
            }
        };
    }
}
