package io.offsite.notify;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a recipient lookup: found (fresh or served stale while the source is down), unknown, or
 * unavailable (the source failed and nothing was cached). Never {@code null}, never silent.
 *
 * @param status what happened
 * @param value  the value when found
 * @param detail a line for logs and operators, e.g. why the registry was unavailable
 * @param <T>    the value type
 */
public record Resolution<T>(Status status, Optional<T> value, String detail) {
    /** Validates that a value is present exactly when something was found. */
    public Resolution {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(detail, "detail");
        boolean found = status == Status.FOUND || status == Status.FOUND_STALE;
        if (found != value.isPresent()) {
            throw new NotifyException("resolution " + status + (found ? " needs" : " must not have")
                    + " a value");
        }
    }

    /** Whether a value was found (fresh or stale). */
    public boolean isFound() {
        return value.isPresent();
    }

    /** Lookup outcomes. */
    public enum Status {
        /** Found, from the source or a fresh cache entry. */
        FOUND,
        /** The source failed; this is the last known value, older than the freshness period. */
        FOUND_STALE,
        /** The source answered that there is no such recipient (possibly cached). */
        UNKNOWN,
        /** The source failed and nothing usable was cached. */
        UNAVAILABLE
    }
}
