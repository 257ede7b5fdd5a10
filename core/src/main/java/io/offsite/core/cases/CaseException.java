package io.offsite.core.cases;

import io.offsite.core.OffsiteException;

/** A rejected case command: a failed guard, out-of-order time, a conflicting duplicate, bad input. */
public class CaseException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the case, the command and the rule. */
    public CaseException(String message) {
        super(message);
    }
}
