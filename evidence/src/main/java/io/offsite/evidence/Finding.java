package io.offsite.evidence;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one completeness or corroboration check, with a reason a legal reviewer can read.
 *
 * @param ruleId  the rule's id in the rule file, e.g. {@code parking.stills.count}
 * @param status  passed, failed, or could not be checked
 * @param reason  what the rule requires and why (from the rule file)
 * @param detail  what was found in this case
 * @param itemIds items the finding is about
 */
public record Finding(String ruleId, Status status, String reason, String detail, List<String> itemIds) {
    /** Outcome of a check. */
    public enum Status {
        /** The requirement is met. */
        PASSED,
        /** The requirement is not met. */
        FAILED,
        /** The case context lacks what the check needs (e.g. no fence given); counts as incomplete. */
        CANNOT_CHECK
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        itemIds = List.copyOf(itemIds);
    }

    @Override
    public String toString() {
        return status + " " + ruleId + ": " + reason + " — " + detail + (itemIds.isEmpty() ? "" : " " + itemIds);
    }
}
