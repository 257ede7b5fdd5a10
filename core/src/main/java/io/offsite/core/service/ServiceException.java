package io.offsite.core.service;

import io.offsite.core.OffsiteException;

/** A service attempt the law does not allow, or malformed service data; the message names the rule broken. */
public class ServiceException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the document, the attempt and the rule. */
    public ServiceException(String message) {
        super(message);
    }
}
