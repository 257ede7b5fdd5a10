package io.offsite.core.violation;

import io.offsite.core.OffsiteException;

/** A malformed violation code, or a local violation that would shadow a standard one. */
public class ViolationException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the code and the rule it broke. */
    public ViolationException(String message) {
        super(message);
    }
}
