package io.offsite.server;

import java.util.List;

/**
 * A completeness verdict.
 *
 * @param complete whether every rule of the violation's set passed
 * @param checks   each rule's status and reason
 */
record Completeness(boolean complete, List<Check> checks) {
    /** One rule's verdict. */
    record Check(String rule, String status, String reason) {
    }

    /** The checks that did not pass. */
    List<Check> gaps() {
        return checks.stream().filter(k -> !k.status().equals("PASSED")).toList();
    }
}
