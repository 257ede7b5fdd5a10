package io.offsite.core;

/**
 * Base of every unchecked exception OffSite throws. Each module has its own subclasses; a caller that
 * wants to catch "anything OffSite rejected" catches this type.
 */
public abstract class OffsiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected OffsiteException(String message) {
        super(message);
    }

    protected OffsiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
