package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Traces an event to the managed object in front of which it happened (门前三包 responsibility): a camera sees
 * sewage poured into a gutter or goods piled on the pavement, and the shop whose frontage that is answers for it.
 *
 * <p>{@link #locate(GeoPoint)} answers, in this order: the object whose declared frontage polygon (the pavement strip
 * in front of the shop, {@link Builder#frontage}) covers the point, boundary included; otherwise the object nearest to
 * the point within {@link Builder#maxDistanceMeters(double)} (default {@value #DEFAULT_MAX_DISTANCE_METERS} m);
 * otherwise nothing. When several objects qualify, the one nearest to the point wins, and at equal distance (within
 * a millimetre) the smallest id, so the answer never depends on insertion order. Distances are measured in a transverse Mercator
 * projection centred on the indexed objects ({@link LocalProjection}), so the index is meant for one city.
 *
 * <p>Built once from {@link ManagedObject}s into JTS {@link STRtree}s with a lon/lat bounding-box check first;
 * immutable and thread-safe after {@link Builder#build()}. Example:
 * <pre>{@code
 * Frontages f = Frontages.builder().addAll(shops).frontage("shop-17", pavementStrip).maxDistanceMeters(12).build();
 * f.locate(GeoPoint.of(121.2627, 28.6472)).ifPresent(hit -> fileOf(hit.object().id()));
 * }</pre>
 */
public final class Frontages {
    /** Default of {@link Builder#maxDistanceMeters(double)}: a shop front plus the pavement before it. */
    public static final double DEFAULT_MAX_DISTANCE_METERS = 15;
    /** Largest distance limit accepted: beyond this an event is no longer "in front of" anything. */
    public static final double MAX_DISTANCE_LIMIT_METERS = 500;
    /** Distances closer than this are a tie (projection rounding must not pick the winner). */
    static final double TIE_METERS = 0.001;

    private final Map<String, ManagedObject> objects;
    private final double maxDistanceMeters;
    private final LocalProjection projection;
    private final Envelope lonLatBounds;
    private final STRtree points = new STRtree();
    private final STRtree polygons = new STRtree();

    private Frontages(Builder b) {
        this.objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.objects));
        this.maxDistanceMeters = b.maxDistanceMeters;
        Envelope all = new Envelope();
        objects.values().forEach(o -> all.expandToInclude(o.location().lon(), o.location().lat()));
        b.frontages.values().forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        this.projection = LocalProjection.centredOn(all.isNull() ? GeoPoint.of(0, 0)
                : GeoPoint.of(all.centre().x, all.centre().y));
        for (ManagedObject o : objects.values()) {
            Coordinate c = projection.project(o.location());
            points.insert(new Envelope(c), new Point(o, c));
        }
        b.frontages.forEach((id, lonLat) -> {
            Geometry m = projection.toMeters(lonLat);
            polygons.insert(m.getEnvelopeInternal(), new Area(objects.get(id), m));
        });
        points.build();
        polygons.build();
        if (!all.isNull()) {
            double maxLat = Math.min(89, Math.max(Math.abs(all.getMinY()), Math.abs(all.getMaxY())));
            double latMargin = 2 * maxDistanceMeters / 110_000.0;
            double lonMargin = latMargin / Math.max(0.01, Math.cos(Math.toRadians(maxLat + latMargin)));
            all.expandBy(lonMargin, latMargin);
        }
        this.lonLatBounds = all;
    }

    /** An empty builder with the default distance limit. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The object in front of which {@code point} lies: inside a declared frontage, else the nearest within the
     * distance limit; empty when none qualifies (the event is then unattributed, not an error).
     */
    public Optional<Frontage> locate(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        if (!lonLatBounds.contains(point.lon(), point.lat())) {
            return Optional.empty();
        }
        Coordinate c = projection.project(point);
        List<Frontage> inside = new ArrayList<>();
        for (Object item : polygons.query(new Envelope(c))) {
            Area a = (Area) item;
            if (SimplePointInAreaLocator.locate(c, a.meters) != Location.EXTERIOR) {
                inside.add(new Frontage(a.object, distance(a.object, c), Frontage.Match.INSIDE_FRONTAGE));
            }
        }
        if (!inside.isEmpty()) {
            return best(inside);
        }
        Envelope near = new Envelope(c);
        near.expandBy(maxDistanceMeters);
        List<Frontage> nearby = new ArrayList<>();
        for (Object item : points.query(near)) {
            Point p = (Point) item;
            double d = p.meters.distance(c);
            if (d <= maxDistanceMeters) {
                nearby.add(new Frontage(p.object, d, Frontage.Match.NEAREST));
            }
        }
        return best(nearby);
    }

    /** The indexed object with {@code objectId}, if any; a malformed id is an {@link InvalidValueException}. */
    public Optional<ManagedObject> object(String objectId) {
        return Optional.ofNullable(objects.get(ObjectIds.require(objectId, "objectId")));
    }

    /** The indexed objects in the order added. */
    public Collection<ManagedObject> objects() {
        return objects.values();
    }

    /** The distance limit of the nearest-object fallback, in metres. */
    public double maxDistanceMeters() {
        return maxDistanceMeters;
    }

    private double distance(ManagedObject o, Coordinate c) {
        return projection.project(o.location()).distance(c);
    }

    /** The nearest candidate; among those within {@link #TIE_METERS} of the nearest, the smallest id. */
    private static Optional<Frontage> best(List<Frontage> candidates) {
        double nearest = candidates.stream().mapToDouble(Frontage::distanceMeters).min().orElse(0);
        return candidates.stream().filter(f -> f.distanceMeters() <= nearest + TIE_METERS)
                .min(Comparator.comparing(f -> f.object().id()));
    }

    private static final class Point {
        final ManagedObject object;
        final Coordinate meters;

        Point(ManagedObject object, Coordinate meters) {
            this.object = object;
            this.meters = meters;
        }
    }

    private static final class Area {
        final ManagedObject object;
        final Geometry meters;

        Area(ManagedObject object, Geometry meters) {
            this.object = object;
            this.meters = meters;
        }
    }

    /** Collects objects, optional frontage polygons and the distance limit; each setter rejects bad input at once. */
    public static final class Builder {
        private final Map<String, ManagedObject> objects = new LinkedHashMap<>();
        private final Map<String, Geometry> frontages = new LinkedHashMap<>();
        private double maxDistanceMeters = DEFAULT_MAX_DISTANCE_METERS;

        private Builder() {
        }

        /** Adds an object; a second object with the same id is refused. */
        public Builder add(ManagedObject object) {
            Objects.requireNonNull(object, "object");
            if (objects.putIfAbsent(object.id(), object) != null) {
                throw new InvalidValueException("frontages: managed object id \"" + object.id() + "\" is added twice");
            }
            return this;
        }

        /** Adds every object of {@code all} ({@link #add} each). */
        public Builder addAll(Collection<ManagedObject> all) {
            Objects.requireNonNull(all, "objects").forEach(this::add);
            return this;
        }

        /**
         * Declares the frontage of {@code objectId} (the pavement strip in front of it) as a lon/lat Polygon or
         * MultiPolygon; points inside it trace to the object before any distance is considered. The object must be
         * added by {@link #build()} time; one frontage per object.
         *
         * @throws InvalidValueException when the geometry is not polygonal, empty, invalid or outside lon/lat range,
         *                               or the object already has a frontage
         */
        public Builder frontage(String objectId, Geometry lonLat) {
            ObjectIds.require(objectId, "frontage objectId");
            Objects.requireNonNull(lonLat, "lonLat");
            FrontageShapes.check(objectId, lonLat);
            if (frontages.putIfAbsent(objectId, lonLat.copy()) != null) {
                throw new InvalidValueException("frontages: object " + objectId + " already has a frontage polygon");
            }
            return this;
        }

        /** The nearest-object fallback's limit in metres: finite, above 0 and at most {@value #MAX_DISTANCE_LIMIT_METERS}. */
        public Builder maxDistanceMeters(double meters) {
            if (!(meters > 0 && meters <= MAX_DISTANCE_LIMIT_METERS)) {
                throw new InvalidValueException("frontages: maxDistanceMeters must be above 0 and at most "
                        + MAX_DISTANCE_LIMIT_METERS + ", was " + meters);
            }
            this.maxDistanceMeters = meters;
            return this;
        }

        /**
         * Builds the index.
         *
         * @throws UnknownObjectException when a frontage names an object that was not added
         */
        public Frontages build() {
            for (String id : frontages.keySet()) {
                if (!objects.containsKey(id)) {
                    throw new UnknownObjectException(id, "frontage polygon (add the object before build())");
                }
            }
            return new Frontages(this);
        }
    }
}
