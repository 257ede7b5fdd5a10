package io.offsite.cases.deadline;

import io.offsite.cases.CaseException;

/** Rejected deadline input: a date outside calendar coverage, bad calendar data, an invalid period. */
public class DeadlineException extends CaseException {
    private static final long serialVersionUID = 1L;

    /** With a message naming what, where and why. */
    public DeadlineException(String message) {
        super(message);
    }

    /** With a cause. */
    public DeadlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
