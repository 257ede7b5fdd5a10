package io.offsite.evidence;

/**
 * Input over one of this module's size or shape limits (nesting depth, string or number length, manifest size,
 * item count, …). Nothing is claimed about the input's integrity: the bundle verifier reports it as "cannot
 * check" (exit 2), never as tampering.
 */
final class OverLimitException extends EvidenceException {
    private static final long serialVersionUID = 1L;

    OverLimitException(String message) {
        super(message);
    }

    OverLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
