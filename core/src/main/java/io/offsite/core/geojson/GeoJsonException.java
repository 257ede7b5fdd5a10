package io.offsite.core.geojson;

import io.offsite.core.OffsiteException;

/**
 * A GeoJSON document (RFC 7946) could not be read or does not describe what the caller expects. The
 * message names the feature index and the JSON path of the offending member, e.g.
 * {@code features[3].geometry.coordinates[0][2]: longitude 191.0 outside -180..180}.
 */
public final class GeoJsonException extends OffsiteException {
    private static final long serialVersionUID = 1L;
    private final int featureIndex;
    private final String path;

    /**
     * @param featureIndex index of the offending feature, or -1 for the document itself
     * @param path         JSON path of the offending member
     * @param problem      what is wrong with it
     */
    public GeoJsonException(int featureIndex, String path, String problem) {
        super(path + ": " + problem);
        this.featureIndex = featureIndex;
        this.path = path;
    }

    /** Index of the offending feature in the collection, or -1 when the problem is not in a feature. */
    public int featureIndex() {
        return featureIndex;
    }

    /** JSON path of the offending member, e.g. {@code features[3].properties.level}. */
    public String path() {
        return path;
    }
}
