package io.offsite.core.geo;

import io.offsite.core.InvalidValueException;
/**
 * A WGS-84 position in decimal degrees (longitude first, as in GeoJSON). Cameras and GPS units
 * deliver WGS-84; convert GCJ-02 web-map coordinates with {@link Gcj02} first.
 *
 * @param lon longitude in degrees, -180..180
 * @param lat latitude in degrees, -90..90
 */
public record GeoPoint(double lon, double lat) {
    public GeoPoint {
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidValueException("lon must be within -180..180 degrees, was " + lon);
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidValueException("lat must be within -90..90 degrees, was " + lat);
        }
    }

    /** Shortcut for {@code new GeoPoint(lon, lat)}. */
    public static GeoPoint of(double lon, double lat) {
        return new GeoPoint(lon, lat);
    }

    @Override
    public String toString() {
        return "(" + lon + ", " + lat + ")";
    }
}
