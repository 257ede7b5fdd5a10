package io.offsite.geofence;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * The area of a fence. Geographic shapes are WGS-84 lon/lat; circles and corridors keep their defining
 * parameters (in metres) and are turned into polygons in a local metric projection. A {@link Pixels} shape
 * lives in one camera preset's image and is tested against the bottom-centre of a detection's box.
 */
public sealed interface FenceShape permits FenceShape.Area, FenceShape.Circle, FenceShape.Corridor, FenceShape.Pixels {

    /** Segments per quarter circle used when a circle or corridor end is turned into a polygon. */
    int QUADRANT_SEGMENTS = 8;

    /**
     * A polygon or multipolygon, holes allowed, in lon/lat degrees.
     *
     * @param lonLat polygonal geometry (Polygon or MultiPolygon)
     */
    record Area(Geometry lonLat) implements FenceShape {
        public Area {
            Objects.requireNonNull(lonLat, "lonLat");
            if (!(lonLat instanceof Polygonal)) {
                throw new GeofenceException("an area fence needs a Polygon or MultiPolygon, was " + lonLat.getGeometryType());
            }
        }
    }

    /**
     * A circle around a centre.
     *
     * @param centre       WGS-84 centre
     * @param radiusMeters radius in metres, &gt; 0 and ≤ 100 km
     */
    record Circle(GeoPoint centre, double radiusMeters) implements FenceShape {
        public Circle {
            Objects.requireNonNull(centre, "centre");
            if (!(radiusMeters > 0 && radiusMeters <= 100_000)) {
                throw new GeofenceException("radiusMeters must be within (0, 100000], was " + radiusMeters);
            }
        }
    }

    /**
     * A buffer of a route line (e.g. an approved waste-truck route).
     *
     * @param lineLonLat   the route in lon/lat, at least two distinct points
     * @param bufferMeters half-width in metres, &gt; 0 and ≤ 10 km
     */
    record Corridor(LineString lineLonLat, double bufferMeters) implements FenceShape {
        public Corridor {
            Objects.requireNonNull(lineLonLat, "lineLonLat");
            if (lineLonLat.getNumPoints() < 2 || lineLonLat.getLength() == 0) {
                throw new GeofenceException("a corridor line needs two distinct points, was " + lineLonLat);
            }
            if (!(bufferMeters > 0 && bufferMeters <= 10_000)) {
                throw new GeofenceException("bufferMeters must be within (0, 10000], was " + bufferMeters);
            }
        }
    }

    /**
     * A polygon in one camera preset's image, in pixels (x right, y down).
     *
     * @param cameraId raw device id of the camera
     * @param preset   PTZ preset number (0 for fixed cameras)
     * @param polygon  the image-space polygon
     * @param site     where the watched spot is on the ground, reported in effects
     */
    record Pixels(String cameraId, int preset, Polygon polygon, GeoPoint site) implements FenceShape {
        public Pixels {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(polygon, "polygon");
            Objects.requireNonNull(site, "site");
            if (preset < 0) {
                throw new GeofenceException("preset must be >= 0, was " + preset);
            }
        }
    }

    /** The lon/lat polygonal geometry of a geographic shape; empty for {@link Pixels}. */
    static Geometry toLonLat(FenceShape shape, GeometryFactory factory) {
        if (shape instanceof Area a) {
            return a.lonLat();
        }
        BufferParameters params = new BufferParameters(QUADRANT_SEGMENTS);
        if (shape instanceof Circle c) {
            LocalProjection proj = LocalProjection.centredOn(c.centre());
            Geometry disc = factory.createPoint(new org.locationtech.jts.geom.Coordinate(0, 0))
                    .buffer(c.radiusMeters(), QUADRANT_SEGMENTS);
            return proj.toLonLat(disc);
        }
        if (shape instanceof Corridor k) {
            org.locationtech.jts.geom.Point mid = k.lineLonLat().getCentroid();
            LocalProjection proj = LocalProjection.centredOn(GeoPoint.of(mid.getX(), mid.getY()));
            Geometry band = org.locationtech.jts.operation.buffer.BufferOp
                    .bufferOp(proj.toMeters(k.lineLonLat()), k.bufferMeters(), params);
            return proj.toLonLat(band);
        }
        return factory.createPolygon();
    }
}
