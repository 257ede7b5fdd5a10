package io.offsite.geofence;

import io.offsite.core.effect.EnforcementEffect;
import java.util.List;

/**
 * What one engine call of a test did: its intake and what reached the engine's {@link CollectingSink} meanwhile
 * ({@link Scenario#submit}, {@link Scenario#tick}, {@link Scenario#advanceTo}).
 */
record EngineResult(Intake intake, List<EnforcementEffect> effects, List<String> problems) {
}
