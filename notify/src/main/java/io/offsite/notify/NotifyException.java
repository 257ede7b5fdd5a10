package io.offsite.notify;

import io.offsite.core.OffsiteException;

/**
 * Base of every unchecked exception the notify module throws: a bad template, an unknown placeholder,
 * an invalid option, a store that cannot be read or written, a service attempt the rules do not allow.
 * Messages name what was rejected, where, and why.
 */
public class NotifyException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message naming what, where and why. */
    public NotifyException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
