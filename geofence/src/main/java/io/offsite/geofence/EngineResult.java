package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.List;
import java.util.Objects;

/**
 * What one engine call produced.
 *
 * @param intake   what happened to the submitted detection ({@link Intake#ACCEPTED} for ticks)
 * @param effects  effects decided during the call, in event-time order
 * @param problems effects that could not be produced, and input refused as {@link Intake#FUTURE}, with the reason
 */
public record EngineResult(Intake intake, List<EnforcementEffect> effects, List<String> problems) {
    public EngineResult {
        Objects.requireNonNull(intake, "intake");
        effects = List.copyOf(effects);
        problems = List.copyOf(problems);
    }
}
