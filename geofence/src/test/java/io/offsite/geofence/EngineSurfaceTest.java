package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's internals stay package-private (docs/ARCHITECTURE.md: "engines are package-private"): this fails when
 * one of them, or a member type of the pure step, becomes public.
 */
class EngineSurfaceTest {
    static final List<Class<?>> ENGINE = List.of(Ladder.class, Ladder.Sighting.class, Ladder.Context.class,
            Ladder.History.class, Ladder.Transition.class, Ladder.Noticed.class, TimerService.class,
            TimerService.Firing.class, Applier.class, SubjectStep.class, Track.class, EpisodeCell.class,
            TrackTable.class, PendingRing.class, Capacity.class, StoreWriter.class, FenceRules.class, FenceRule.class,
            StepEffects.class, Rungs.class, NoticeStep.class, NoticeDesk.class, NoticeIndex.class,
            EngineHistory.class, LateWarning.class, SkewGuard.class, LadderPresets.class);

    @Test
    void engineInternals_areNotPublic() {
        for (Class<?> c : ENGINE) {
            boolean reachable = Modifier.isPublic(c.getModifiers())
                    && (c.getEnclosingClass() == null || Modifier.isPublic(c.getEnclosingClass().getModifiers()));
            assertThat(reachable).as("%s is reachable from outside io.offsite.geofence", c.getName()).isFalse();
        }
    }

    @Test
    void engineApi_isPublic() {
        for (Class<?> c : List.of(GeofenceEngine.class, GeofenceEngineBuilder.class, EffectSink.class,
                CollectingSink.class, Batch.class, Intake.class, ClockSkew.class, NoticeResult.class,
                LadderPolicy.class, EpisodeState.class)) {
            assertThat(Modifier.isPublic(c.getModifiers())).as(c.getName()).isTrue();
        }
    }
}
