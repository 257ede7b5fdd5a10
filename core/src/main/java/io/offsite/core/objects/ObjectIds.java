package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;

/** Checks managed-object ids handed to the object SPIs: non-null, non-blank, no surrounding or control whitespace. */
final class ObjectIds {
    /** Longest id accepted (unified social credit codes are 18 characters; local ids are short). */
    static final int MAX_LENGTH = 128;

    private ObjectIds() {
    }

    /** Returns {@code id} when well formed, else throws naming the {@code field} and the value. */
    static String require(String id, String field) {
        if (id == null) {
            throw new InvalidValueException(field + " must be a managed object id, was null");
        }
        if (id.isBlank()) {
            throw new InvalidValueException(field + " must be a non-blank managed object id, was \"" + id + "\"");
        }
        if (id.length() > MAX_LENGTH) {
            throw new InvalidValueException(field + " must be at most " + MAX_LENGTH + " characters, was "
                    + id.length());
        }
        if (!id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field + " must not have surrounding whitespace or control characters, was \""
                    + id.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        return id;
    }
}
