package io.offsite.geofence;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * An electronic fence (电子围栏): an id, a {@link FenceKind}, the grid cell that owns it, a {@link FenceShape},
 * a {@link FenceSchedule}, {@link Exemptions}, the {@link LadderPolicy} applied inside it and, for a fence in front of
 * one shop, the managed object it fronts ({@link #frontOf()}). Geographic
 * shapes are validated on build (an invalid ring is rejected with the fence id and the offending coordinate)
 * and their lon/lat polygon is computed once. Immutable and thread-safe; create with {@link #builder}.
 */
public final class Fence {
    private final String id;
    private final FenceKind kind;
    private final CellId cell;
    private final FenceShape shape;
    private final FenceSchedule schedule;
    private final Exemptions exemptions;
    private final LadderPolicy policy;
    private final Geometry area;
    private final Optional<String> frontOf;

    /** A copy of {@code f} with another schedule and nothing re-validated. */
    private Fence(Fence f, FenceSchedule schedule) {
        this.id = f.id;
        this.kind = f.kind;
        this.cell = f.cell;
        this.shape = f.shape;
        this.schedule = schedule;
        this.exemptions = f.exemptions;
        this.policy = f.policy;
        this.area = f.area;
        this.frontOf = f.frontOf;
    }

    private Fence(Builder b, Geometry area) {
        this.id = b.id;
        this.kind = b.kind;
        this.cell = b.cell;
        this.shape = b.shape;
        this.schedule = b.schedule;
        this.exemptions = b.exemptions;
        this.policy = b.policy != null ? b.policy : LadderPolicy.defaultFor(b.kind);
        this.area = area;
        this.frontOf = b.frontOf;
    }

    /** Starts a fence; a shape is required before {@link Builder#build()}. */
    public static Builder builder(String id, FenceKind kind, CellId cell) {
        return new Builder(id, kind, cell);
    }

    /** Stable fence id (unique within a registry). */
    public String id() {
        return id;
    }

    /** What the fence is for. */
    public FenceKind kind() {
        return kind;
    }

    /** The street cell that owns the fence (its officer is dispatched). */
    public CellId cell() {
        return cell;
    }

    /** The shape as defined. */
    public FenceShape shape() {
        return shape;
    }

    /** When the fence is enforced. */
    public FenceSchedule schedule() {
        return schedule;
    }

    /** Who the fence does not apply to. */
    public Exemptions exemptions() {
        return exemptions;
    }

    /** The escalation ladder applied inside. */
    public LadderPolicy policy() {
        return policy;
    }

    /**
     * The id of the managed object (e.g. a street shop, {@code io.offsite.core.objects.ManagedObject#id()}) this fence
     * lies in front of, whose operator answers for what happens inside it; empty for a fence not tied to one object.
     * The fence only carries the id: the host resolves it against its object registry.
     */
    public Optional<String> frontOf() {
        return frontOf;
    }

    /** True for camera-pixel fences, which are matched per camera preset instead of through the fence index. */
    public boolean isPixelFence() {
        return shape instanceof FenceShape.Pixels;
    }

    /** The lon/lat polygonal area (circles and corridors as polygons); an empty polygon for pixel fences. */
    public Geometry area() {
        return area;
    }

    /** A copy with another schedule. */
    public Fence withSchedule(FenceSchedule s) {
        return toBuilder().schedule(s).build();
    }

    /**
     * This fence with its schedule read in {@code engineZone} when the schedule names no zone of its own (see
     * {@link FenceSchedule#builder()}); else this fence. The engine binds its fences so.
     */
    Fence inZone(ZoneId engineZone) {
        FenceSchedule bound = schedule.inZone(engineZone);
        return bound == schedule ? this : new Fence(this, bound);
    }

    /** A builder pre-filled with this fence. */
    public Builder toBuilder() {
        Builder b = new Builder(id, kind, cell).shape(shape).schedule(schedule).exemptions(exemptions).policy(policy);
        frontOf.ifPresent(b::frontOf);
        return b;
    }

    @Override
    public String toString() {
        return "Fence[" + id + ", " + kind + ", cell " + cell + ", " + shape.getClass().getSimpleName()
                + frontOf.map(o -> ", front of " + o).orElse("") + "]";
    }

    /** Collects a fence's parts; {@link #build()} validates the geometry. */
    public static final class Builder {
        private static final GeometryFactory FACTORY = new GeometryFactory();
        /** Longest {@link #frontOf(String)} id, as core's managed-object SPIs accept. */
        private static final int MAX_OBJECT_ID = 128;
        private final String id;
        private final FenceKind kind;
        private final CellId cell;
        private FenceShape shape;
        private FenceSchedule schedule = FenceSchedule.always();
        private Exemptions exemptions = Exemptions.defaults();
        private LadderPolicy policy;
        private Optional<String> frontOf = Optional.empty();

        private Builder(String id, FenceKind kind, CellId cell) {
            if (id == null || id.isBlank()) {
                throw new GeofenceException("fence id must be non-blank, was " + (id == null ? "null" : "\"" + id + "\""));
            }
            this.id = id;
            this.kind = Objects.requireNonNull(kind, "kind");
            this.cell = Objects.requireNonNull(cell, "cell");
        }

        /** Any shape. */
        public Builder shape(FenceShape s) {
            this.shape = Objects.requireNonNull(s, "shape");
            return this;
        }

        /** A lon/lat Polygon or MultiPolygon (holes allowed). */
        public Builder polygon(Geometry lonLat) {
            return shape(new FenceShape.Area(lonLat));
        }

        /**
         * A polygon without holes as lon, lat pairs {@code lon0, lat0, lon1, lat1, …}, closed (the last pair repeats
         * the first), at least 4 points; rejected at once with the fence id and the reason.
         */
        public Builder polygon(double... lonLat) {
            return polygon(LonLatShapes.polygon("fence " + id, lonLat));
        }

        /** A polygon as closed lon/lat rings {@code {lon0, lat0, …}}: {@code rings[0]} the shell, the rest holes. */
        public Builder polygon(double[][] lonLatRings) {
            return polygon(LonLatShapes.polygon("fence " + id, lonLatRings));
        }

        /** A POLYGON or MULTIPOLYGON in WKT, longitude first; rejected at once with the fence id and the reason. */
        public Builder wkt(String wkt) {
            return polygon(LonLatShapes.wkt("fence " + id, wkt));
        }

        /** A circle of {@code radiusMeters} around {@code centre}. */
        public Builder circle(GeoPoint centre, double radiusMeters) {
            return shape(new FenceShape.Circle(centre, radiusMeters));
        }

        /** A corridor of half-width {@code bufferMeters} around a lon/lat line. */
        public Builder corridor(LineString lineLonLat, double bufferMeters) {
            return shape(new FenceShape.Corridor(lineLonLat, bufferMeters));
        }

        /** A polygon in the image of {@code cameraId} at {@code preset}, in pixels; {@code site} is the ground position. */
        public Builder pixels(String cameraId, int preset, Polygon pixelPolygon, GeoPoint site) {
            return shape(new FenceShape.Pixels(cameraId, preset, pixelPolygon, site));
        }

        /** Enforcement schedule (default: always; a schedule without its own zone follows the engine's). */
        public Builder schedule(FenceSchedule s) {
            this.schedule = Objects.requireNonNull(s, "schedule");
            return this;
        }

        /** Exemptions (default: {@link Exemptions#defaults()}, police, fire, ambulance). */
        public Builder exemptions(Exemptions e) {
            this.exemptions = Objects.requireNonNull(e, "exemptions");
            return this;
        }

        /** Ladder policy (default: {@link LadderPolicy#defaultFor(FenceKind)}). */
        public Builder policy(LadderPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * The managed object this fence lies in front of (店铺门前), by its id: at most 128 characters, non-blank,
         * without surrounding whitespace or control characters.
         */
        public Builder frontOf(String objectId) {
            if (objectId == null || objectId.isBlank()) {
                throw new GeofenceException("fence " + id + ": frontOf must be a non-blank managed object id, was "
                        + (objectId == null ? "null" : "\"" + objectId + "\""));
            }
            if (objectId.length() > MAX_OBJECT_ID || !objectId.strip().equals(objectId)
                    || objectId.chars().anyMatch(Character::isISOControl)) {
                throw new GeofenceException("fence " + id + ": frontOf must be at most " + MAX_OBJECT_ID + " characters"
                        + " without surrounding whitespace or control characters, was \""
                        + objectId.replaceAll("\\p{Cntrl}", "?") + "\"");
            }
            this.frontOf = Optional.of(objectId);
            return this;
        }

        /** Validates and builds the fence. */
        public Fence build() {
            if (shape == null) {
                throw new GeofenceException("fence " + id + ": no shape set");
            }
            Geometry area;
            if (shape instanceof FenceShape.Pixels px) {
                check(px.polygon(), "pixel polygon");
                area = FACTORY.createPolygon();
            } else {
                if (shape instanceof FenceShape.Area a) {
                    check(a.lonLat(), "geometry");
                    checkRange(a.lonLat());
                } else if (shape instanceof FenceShape.Corridor c) {
                    checkRange(c.lineLonLat());
                }
                area = FenceShape.toLonLat(shape, FACTORY);
                check(area, "computed polygon");
            }
            return new Fence(this, area);
        }

        private void check(Geometry g, String what) {
            if (g.isEmpty()) {
                throw new GeofenceException("fence " + id + ": " + what + " is empty");
            }
            TopologyValidationError err = new IsValidOp(g).getValidationError();
            if (err != null) {
                Coordinate c = err.getCoordinate();
                throw new GeofenceException("fence " + id + ": invalid " + what + ": " + err.getMessage()
                        + (c == null ? "" : " at (" + c.x + ", " + c.y + ")"));
            }
        }

        private void checkRange(Geometry g) {
            for (Coordinate c : g.getCoordinates()) {
                if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                    throw new GeofenceException("fence " + id + ": coordinate (" + c.x + ", " + c.y
                            + ") is not a lon/lat position (lon -180..180, lat -90..90)");
                }
            }
        }
    }
}
