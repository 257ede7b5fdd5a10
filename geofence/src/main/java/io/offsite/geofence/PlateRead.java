package io.offsite.geofence;

import java.util.Objects;

/**
 * One plate recognition result: the normalised text (the subject key) and the confidence.
 *
 * @param text       normalised plate ({@link Plates#normalize}), non-empty
 * @param confidence recogniser confidence in [0, 1]
 */
public record PlateRead(String text, double confidence) {
    public PlateRead {
        Objects.requireNonNull(text, "text");
        text = Plates.normalize(text);
        if (text.isEmpty()) {
            throw new GeofenceException("plate text is empty after normalisation");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new GeofenceException("plate confidence must be within [0, 1], was " + confidence);
        }
    }

    /**
     * The key two reads of one plate share despite single-character OCR confusions. Not an identity: two different
     * plates may share it (浙JB1234, 浙J81234).
     */
    public String matchKey() {
        String k = Plates.matchKey(text);
        return k.equals(text) ? text : k;
    }
}
