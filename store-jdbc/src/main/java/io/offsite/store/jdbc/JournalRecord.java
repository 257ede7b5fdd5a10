package io.offsite.store.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * One record of a {@link JdbcInputJournal}: a host-defined kind, the record's event time and its payload (the host's
 * own encoding, at most 4,000 characters).
 *
 * @param kind    what the record is, e.g. {@code position}; 1–32 letters, digits or {@code . _ -}
 * @param at      its event time, 1970 ≤ at &lt; 2200, kept to the microsecond (pruning and the replay start go by it)
 * @param payload the host's encoding of the record
 */
public record JournalRecord(String kind, Instant at, String payload) {
    /** Largest payload, in characters. */
    public static final int MAX_PAYLOAD = 4000;

    /** Validates the components; a bad one is a {@link StoreException} naming it. */
    public JournalRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payload, "payload");
        if (!kind.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new StoreException("journal record kind must be 1–32 letters, digits or . _ -, was \"" + kind + "\"");
        }
        if (at.isBefore(Instant.EPOCH) || !at.isBefore(Instant.parse("2200-01-01T00:00:00Z"))) {
            throw new StoreException("journal record time must be within 1970..2199, was " + at);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new StoreException("journal record payload of " + payload.length() + " characters exceeds "
                    + MAX_PAYLOAD);
        }
    }
}
