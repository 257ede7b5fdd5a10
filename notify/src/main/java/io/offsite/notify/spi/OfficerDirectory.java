package io.offsite.notify.spi;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import java.util.Optional;

/**
 * The grid's staff directory: which officer is responsible for a street cell, and how to reach an officer.
 * Throw when the directory cannot answer; return empty when it answers "nobody".
 */
public interface OfficerDirectory {
    /** The officer responsible for a cell, if any. */
    Optional<OfficerId> responsibleOfficer(CellId cell);

    /** The officer's mobile number for SMS, if any. */
    Optional<String> officerPhone(OfficerId officer);

    /** The officer's push address (app token or user id); by default the officer id itself. */
    default Optional<String> officerPushToken(OfficerId officer) {
        return Optional.of(officer.value());
    }
}
