package io.offsite.core.grid;

/** Shared checks for identifier records. */
final class Ids {
    private Ids() {
    }

    static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank string, was "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }
}
