package io.offsite.cases;

import io.offsite.core.OffsiteException;

/**
 * Base of the cases module's exceptions, and itself a rejected case command: a failed guard, out-of-order time,
 * a conflicting duplicate, bad input. Penalty rules ({@code PenaltyException}), deadlines
 * ({@code DeadlineException}) and the law of service ({@code ServiceLawException}) throw its subclasses.
 */
public class CaseException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the case, the command and the rule. */
    public CaseException(String message) {
        super(message);
    }

    /** With a message naming what, where and why, and the underlying cause. */
    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
