package io.offsite.core;

/**
 * A value outside its domain given to a core record or builder: a longitude beyond ±180°, a blank id, an
 * effect whose times run backwards. The message names the field, the value and the rule.
 */
public final class InvalidValueException extends OffsiteException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the field, the value given and the rule it breaks. */
    public InvalidValueException(String message) {
        super(message);
    }
}
