package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geo.Shapes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Compares a building footprint observed from the air (drone orthophoto, survey) with the permitted one and flags
 * a suspected illegal building (违法建设) when the part outside the permit exceeds a threshold area:
 * <pre>{@code
 * FootprintCheck check = FootprintCheck.builder().thresholdSquareMeters(5).toleranceMeters(0.3).build();
 * FootprintComparison c = check.compare("91331003MA2XXXXXX1", observedAt,
 *         Shapes.fromWkt(permitWkt), Shapes.fromWkt(observedWkt));
 * c.finding().ifPresent(f -> archive = f.recordIn(archive));
 * }</pre>
 *
 * <p>Footprints are WGS-84 lon/lat {@link Polygon}s or {@link MultiPolygon}s (build them with
 * {@link Shapes}, or pass WKT to {@link #compareWkt}). They are projected onto a {@link LocalProjection} centred on the observed
 * footprint, the permit is grown outwards by {@code toleranceMeters} (mitred corners, so a rectangle stays a
 * rectangle), and the excess is observed minus grown permit by JTS OverlayNG; areas are in square metres of that
 * projection (error below 0.01 % at building scale). The tolerance gives the benefit of GPS and imagery error to the
 * party: the reported excess leaves out the strip within tolerance of the permit.
 *
 * <p>Immutable and thread-safe.
 */
public final class FootprintCheck {
    private static final double MITRE_LIMIT = 10;
    private final double thresholdSquareMeters;
    private final double toleranceMeters;

    private FootprintCheck(Builder b) {
        this.thresholdSquareMeters = b.threshold;
        this.toleranceMeters = b.tolerance;
    }

    /** Starts a check; defaults: threshold 5 m², tolerance 0 m. */
    public static Builder builder() {
        return new Builder();
    }

    /** A check with the defaults. */
    public static FootprintCheck create() {
        return builder().build();
    }

    /**
     * Compares an observed footprint with the permitted one.
     *
     * @throws InvalidValueException when either footprint is not a non-empty, valid lon/lat polygon or
     *                               multipolygon, naming which footprint, the JTS reason and the position
     */
    public FootprintComparison compare(String objectId, Instant observedAt, Geometry permitted, Geometry observed) {
        requireFootprint("permitted", permitted);
        return run(objectId, observedAt, Optional.of(permitted), observed);
    }

    /**
     * Compares an observed footprint of an object that holds no permit: the whole footprint is excess.
     *
     * @throws InvalidValueException when the footprint is not a non-empty, valid lon/lat polygon or multipolygon
     */
    public FootprintComparison compareWithoutPermit(String objectId, Instant observedAt, Geometry observed) {
        return run(objectId, observedAt, Optional.empty(), observed);
    }

    /**
     * {@link #compare} with both footprints as WGS-84 lon/lat WKT, read by {@link Shapes#fromWkt(String)}.
     *
     * @throws InvalidValueException when a text is not WKT or not a valid polygon, naming which footprint
     */
    public FootprintComparison compareWkt(String objectId, Instant observedAt, String permittedWkt, String observedWkt) {
        return compare(objectId, observedAt, fromWkt("permitted", permittedWkt), fromWkt("observed", observedWkt));
    }

    /** {@link #compareWithoutPermit} with the footprint as WGS-84 lon/lat WKT. */
    public FootprintComparison compareWithoutPermitWkt(String objectId, Instant observedAt, String observedWkt) {
        return compareWithoutPermit(objectId, observedAt, fromWkt("observed", observedWkt));
    }

    private static Geometry fromWkt(String which, String wkt) {
        Objects.requireNonNull(wkt, which + "Wkt");
        try {
            return Shapes.fromWkt(wkt);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(which + " footprint: " + e.getMessage());
        }
    }

    private FootprintComparison run(String objectId, Instant observedAt, Optional<Geometry> permitted,
            Geometry observed) {
        if (objectId == null || objectId.isBlank()) {
            throw new InvalidValueException("objectId must be non-blank");
        }
        Objects.requireNonNull(observedAt, "observedAt");
        requireFootprint("observed", observed);
        Envelope env = observed.getEnvelopeInternal();
        LocalProjection proj = LocalProjection.centredOn(GeoPoint.of(env.centre().x, env.centre().y));
        Geometry observedM = proj.toMeters(observed);
        Geometry excessM;
        double permittedArea = 0;
        if (permitted.isPresent()) {
            Geometry permittedM = proj.toMeters(permitted.get());
            permittedArea = permittedM.getArea();
            Geometry grown = toleranceMeters > 0
                    ? BufferOp.bufferOp(permittedM, toleranceMeters, new BufferParameters(
                            BufferParameters.DEFAULT_QUADRANT_SEGMENTS, BufferParameters.CAP_FLAT,
                            BufferParameters.JOIN_MITRE, MITRE_LIMIT))
                    : permittedM;
            excessM = OverlayNGRobust.overlay(observedM, grown, OverlayNG.DIFFERENCE);
        } else {
            excessM = observedM;
        }
        return new FootprintComparison(objectId, observedAt, permitted, observed, proj.toLonLat(excessM), permittedArea,
                observedM.getArea(), excessM.getArea(), thresholdSquareMeters, toleranceMeters);
    }

    private static void requireFootprint(String which, Geometry g) {
        if (g == null) {
            throw new InvalidValueException(which + " footprint is required (null given)");
        }
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
            throw new InvalidValueException(which + " footprint must be a Polygon or MultiPolygon, was "
                    + g.getGeometryType());
        }
        if (g.isEmpty()) {
            throw new InvalidValueException(which + " footprint is empty");
        }
        Envelope e = g.getEnvelopeInternal();
        if (!(e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getMinY() >= -90 && e.getMaxY() <= 90)) {
            throw new InvalidValueException(which + " footprint must be WGS-84 lon/lat degrees, its extent was " + e);
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            throw new InvalidValueException(which + " footprint is not valid: " + error.getMessage() + " at "
                    + (error.getCoordinate() == null ? "(unknown position)"
                            : "(" + error.getCoordinate().x + ", " + error.getCoordinate().y + ")"));
        }
    }

    /** Builder for {@link FootprintCheck}; every setter rejects bad input at once, naming the value. */
    public static final class Builder {
        private double threshold = 5;
        private double tolerance;

        private Builder() {
        }

        /** Excess area up to this is within tolerance and yields no finding (default 5 m²). */
        public Builder thresholdSquareMeters(double squareMeters) {
            if (!(squareMeters >= 0) || Double.isInfinite(squareMeters)) {
                throw new InvalidValueException("thresholdSquareMeters must be finite and >= 0, was " + squareMeters);
            }
            this.threshold = squareMeters;
            return this;
        }

        /** How far the permit is grown before comparing, for GPS and imagery error (default 0 m). */
        public Builder toleranceMeters(double meters) {
            if (!(meters >= 0) || Double.isInfinite(meters)) {
                throw new InvalidValueException("toleranceMeters must be finite and >= 0, was " + meters);
            }
            this.tolerance = meters;
            return this;
        }

        /** Builds the check. */
        public FootprintCheck build() {
            return new FootprintCheck(this);
        }
    }
}
