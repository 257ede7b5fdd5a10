package io.offsite.core.service;

/** Validation of the free-text fields of service records. */
final class ServiceText {
    private ServiceText() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ServiceException(what + " must be non-blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
