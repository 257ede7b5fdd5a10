package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * A suspected illegal building (违法建设): the part of an observed footprint that lies outside the permitted one
 * by more than a {@link FootprintCheck}'s threshold. Geometries are WGS-84 lon/lat; treat them as read-only.
 *
 * @param objectId            the managed object whose file (一企一档) receives the finding
 * @param observedAt          when the footprint was observed (the imagery's time)
 * @param permitted           the permitted footprint; empty when the object holds no permit
 * @param observed            the observed footprint
 * @param excess              the observed area outside the permit (grown by the check's tolerance)
 * @param excessSquareMeters  the excess area in square metres
 * @param description         a sentence fit for the enterprise's file
 */
public record IllegalBuildingFinding(String objectId, Instant observedAt, Optional<Geometry> permitted,
        Geometry observed, Geometry excess, double excessSquareMeters, String description) {
    public IllegalBuildingFinding {
        if (objectId == null || objectId.isBlank()) {
            throw new InvalidValueException("finding objectId must be non-blank");
        }
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(permitted, "permitted");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(excess, "excess");
        Objects.requireNonNull(description, "description");
        if (!(excessSquareMeters > 0) || Double.isInfinite(excessSquareMeters)) {
            throw new InvalidValueException("excessSquareMeters must be finite and > 0, was " + excessSquareMeters);
        }
    }

    /** This finding as the archive's record: {@link Violation#ILLEGAL_BUILDING} at {@code observedAt}. */
    public EnterpriseArchive.Finding toArchiveFinding() {
        return new EnterpriseArchive.Finding(observedAt, Violation.ILLEGAL_BUILDING, description);
    }

    /**
     * Appends this finding to the object's archive.
     *
     * @throws InvalidValueException when the archive belongs to another object
     */
    public EnterpriseArchive recordIn(EnterpriseArchive archive) {
        Objects.requireNonNull(archive, "archive");
        if (!archive.objectId().equals(objectId)) {
            throw new InvalidValueException("finding for object '" + objectId + "' cannot go into the archive of '"
                    + archive.objectId() + "'");
        }
        return archive.withFinding(toArchiveFinding());
    }
}
