package io.offsite.core.grid;

import io.offsite.core.OffsiteException;
import io.offsite.core.geo.GeoPoint;

/** A point lies outside every street (and accepted gap) of the grid. */
public final class OutsideGridException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final GeoPoint point;

    OutsideGridException(GeoPoint point) {
        super("point " + point + " is outside the grid");
        this.point = point;
    }

    /** The point that could not be located. */
    public GeoPoint point() {
        return point;
    }
}
