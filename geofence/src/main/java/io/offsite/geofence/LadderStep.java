package io.offsite.geofence;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One rung of an escalation ladder: after waiting {@code waitAfterPrevious} since the previous rung fired
 * (for the first rung: since the dwell time was reached), and only when the subject is observed again at or
 * after that moment, still inside the fence and within the jitter radius, emit {@code actions}.
 *
 * @param waitAfterPrevious time since the previous rung (zero for the first rung; at most
 *                          {@link LadderPolicy#MAX_DURATION})
 * @param actions           non-empty set of actions
 */
public record LadderStep(Duration waitAfterPrevious, Set<LadderAction> actions) {
    public LadderStep {
        Objects.requireNonNull(waitAfterPrevious, "waitAfterPrevious");
        if (waitAfterPrevious.isNegative() || waitAfterPrevious.compareTo(LadderPolicy.MAX_DURATION) > 0) {
            throw new GeofenceException("waitAfterPrevious must be within [0, " + LadderPolicy.MAX_DURATION.toDays()
                    + " days], was " + waitAfterPrevious);
        }
        if (actions.isEmpty()) {
            throw new GeofenceException("a ladder step needs at least one action");
        }
        actions = Set.copyOf(EnumSet.copyOf(actions));
    }

    /** A rung with the given wait and actions. */
    public static LadderStep after(Duration wait, LadderAction first, LadderAction... more) {
        return new LadderStep(wait, EnumSet.of(first, more));
    }

    /** Whether this rung issues a notice (officer dispatch or case), which the daily cap limits. */
    public boolean isNotice() {
        return actions.contains(LadderAction.DISPATCH_OFFICER) || actions.contains(LadderAction.FILE_CASE);
    }
}
