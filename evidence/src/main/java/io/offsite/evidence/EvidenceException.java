package io.offsite.evidence;

import io.offsite.core.OffsiteException;

/**
 * The unchecked exception every part of the evidence module throws: bad input to a builder or record,
 * an operation the chain's state forbids (e.g. adding an item after sealing), a blob-store failure or a
 * malformed bundle. The message names what, where and why.
 */
public class EvidenceException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names what was wrong, where and why. */
    public EvidenceException(String message) {
        super(message);
    }

    /** Creates an exception wrapping the cause (typically an {@link java.io.IOException}). */
    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
