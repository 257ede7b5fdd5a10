package io.offsite.geofence;

import java.util.Objects;

/**
 * One plate recognition result: the normalised text (the subject key) and the confidence.
 *
 * @param text       normalised plate ({@link Plates#normalize}); valid by {@link Plates#problem} (1..{@link Plates#MAX_LENGTH}
 *                   characters of the plate alphabet), else a {@link GeofenceException} naming the rule
 * @param confidence recogniser confidence in [0, 1]
 */
public record PlateRead(String text, double confidence) {
    public PlateRead {
        Objects.requireNonNull(text, "text");
        if (text.length() > Plates.MAX_RAW_LENGTH) {
            throw new GeofenceException("plate read of " + text.length() + " characters is longer than the "
                    + Plates.MAX_RAW_LENGTH + " looked at (a plate has at most " + Plates.MAX_LENGTH + ")");
        }
        text = Plates.normalize(text);
        String problem = Plates.problem(text).orElse(null);
        if (problem != null) {
            throw new GeofenceException(problem);
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
