package io.offsite.cases.service;

import io.offsite.cases.CaseException;

/**
 * A service attempt the law does not allow (left at the residence without an earlier refusal, electronic service
 * without consent, an attempt after the document was served…) or a malformed service record; the message names
 * the document, the attempt and the rule broken.
 */
public final class ServiceLawException extends CaseException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the document, the attempt and the rule. */
    public ServiceLawException(String message) {
        super(message);
    }
}
