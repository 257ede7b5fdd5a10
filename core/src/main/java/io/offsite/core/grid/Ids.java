package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
/** Shared checks for identifier records. */
final class Ids {
    private Ids() {
    }

    static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(what + " must be a non-blank string, was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}
