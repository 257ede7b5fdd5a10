package io.offsite.core.patrol;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.GridCell;
import io.offsite.core.objects.ManagedObject;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A place a drone sortie must visit and inspect (巡查点): an enterprise, the centre of a grid cell, or any
 * named point. Ids must be unique within one {@link PatrolPlanner#plan(java.util.List) plan}.
 *
 * @param id       non-blank id; for {@link #of(ManagedObject)} the object's id, so patrol records key its archive
 * @param name     display name
 * @param location WGS-84 position the drone flies to
 */
public record PatrolTarget(String id, String name, GeoPoint location) {
    public PatrolTarget {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException("patrol target id must be non-blank, was "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** A target at {@code location}. */
    public static PatrolTarget of(String id, String name, GeoPoint location) {
        return new PatrolTarget(id, name, location);
    }

    /** The managed object's position, keyed by its id ("visit every enterprise"). */
    public static PatrolTarget of(ManagedObject object) {
        Objects.requireNonNull(object, "object");
        return new PatrolTarget(object.id(), object.name(), object.location());
    }

    /**
     * The cell's centroid, keyed by its cell id ("cover every cell"). When the centroid of a concave or
     * multi-part cell falls outside it, a point inside the cell (JTS interior point) is used instead, so the
     * drone always inspects the cell itself.
     */
    public static PatrolTarget of(GridCell cell) {
        Objects.requireNonNull(cell, "cell");
        Geometry shape = cell.polygon();
        if (shape.isEmpty()) {
            throw new InvalidValueException("cell " + cell.id() + ": polygon is empty, it has no centre to patrol");
        }
        Point p = shape.getCentroid();
        if (!shape.covers(p)) {
            p = shape.getInteriorPoint();
        }
        return new PatrolTarget(cell.id().value(), cell.name(), GeoPoint.of(p.getX(), p.getY()));
    }
}
