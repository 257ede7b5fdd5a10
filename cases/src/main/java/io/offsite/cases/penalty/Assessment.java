package io.offsite.cases.penalty;

import java.util.Objects;

/**
 * A decision with its explanation, as returned by {@link PenaltyTable#explain}.
 *
 * @param decision    the decision (identical to what {@link PenaltyTable#assess} returns)
 * @param explanation the reasons
 */
public record Assessment(Decision decision, Explanation explanation) {
    public Assessment {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(explanation, "explanation");
    }
}
