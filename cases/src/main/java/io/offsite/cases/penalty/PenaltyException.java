package io.offsite.cases.penalty;

import io.offsite.cases.CaseException;

/** Rejected penalty input: contradictory facts, a missing fact, no table version in force, unknown code. */
public class PenaltyException extends CaseException {
    private static final long serialVersionUID = 1L;

    /** With a message naming what, where and why. */
    public PenaltyException(String message) {
        super(message);
    }

    /** With a cause. */
    public PenaltyException(String message, Throwable cause) {
        super(message, cause);
    }
}
