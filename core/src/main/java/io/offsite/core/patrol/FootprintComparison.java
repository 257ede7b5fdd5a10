package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The result of {@link FootprintCheck#compare}: areas of the permitted and observed building footprints and the
 * part of the observed one outside the permit. Geometries are WGS-84 lon/lat; treat them as read-only.
 *
 * @param objectId               the managed object
 * @param observedAt             when the footprint was observed
 * @param permitted              the permitted footprint; empty when the object holds no permit
 * @param observed               the observed footprint
 * @param excess                 observed minus permitted (the permit grown by {@code toleranceMeters}); an empty
 *                               polygon when nothing lies outside
 * @param permittedSquareMeters  permitted area, 0 without a permit
 * @param observedSquareMeters   observed area
 * @param excessSquareMeters     area of {@code excess}
 * @param thresholdSquareMeters  excess up to this area is within tolerance
 * @param toleranceMeters        how far the permit was grown for GPS and imagery error
 */
public record FootprintComparison(String objectId, Instant observedAt, Optional<Geometry> permitted, Geometry observed,
        Geometry excess, double permittedSquareMeters, double observedSquareMeters, double excessSquareMeters,
        double thresholdSquareMeters, double toleranceMeters) {
    public FootprintComparison {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(permitted, "permitted");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(excess, "excess");
        for (double v : new double[] {permittedSquareMeters, observedSquareMeters, excessSquareMeters,
                thresholdSquareMeters, toleranceMeters}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidValueException("footprint comparison areas, threshold and tolerance must be finite"
                        + " and >= 0, had " + v);
            }
        }
    }

    /** Whether the excess area is at most the threshold (no finding). */
    public boolean withinTolerance() {
        return excessSquareMeters <= thresholdSquareMeters;
    }

    /** The illegal-building finding when the excess exceeds the threshold, otherwise empty. */
    public Optional<IllegalBuildingFinding> finding() {
        if (withinTolerance()) {
            return Optional.empty();
        }
        String text = permitted.isPresent()
                ? String.format(Locale.ROOT, "suspected illegal building (违法建设): observed footprint exceeds permit by"
                        + " %.1f m² (observed %.1f m², permitted %.1f m², tolerance %.1f m, threshold %.1f m²)",
                        excessSquareMeters, observedSquareMeters, permittedSquareMeters, toleranceMeters,
                        thresholdSquareMeters)
                : String.format(Locale.ROOT, "suspected illegal building (违法建设): observed footprint of %.1f m² has no"
                        + " building permit (threshold %.1f m²)", excessSquareMeters, thresholdSquareMeters);
        return Optional.of(new IllegalBuildingFinding(objectId, observedAt, permitted, observed, excess,
                excessSquareMeters, text));
    }
}
