package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
/**
 * The four levels of the enforcement grid (网格), from the whole built-up area down to a street.
 * A child cell is always exactly one level below its parent.
 */
public enum GridLevel {
    /** Built-up area (建成区): the root of a grid. */
    BUILT_UP_AREA,
    /** Squadron jurisdiction (中队辖区). */
    SQUADRON,
    /** Area (片区). */
    AREA,
    /** Street (街): the cell a location resolves to. */
    STREET;

    /** The level directly below this one, or {@code null} for {@link #STREET}. */
    GridLevel child() {
        return this == STREET ? null : values()[ordinal() + 1];
    }

    /** Parses a level name case-insensitively, accepting {@code built-up-area} as well as {@code BUILT_UP_AREA}. */
    public static GridLevel parse(String text) {
        String norm = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (GridLevel l : values()) {
            if (l.name().equals(norm)) {
                return l;
            }
        }
        throw new InvalidValueException("unknown grid level \"" + text
                + "\" (expected one of built-up-area, squadron, area, street)");
    }

    /** The lower-case, dashed form used in files, e.g. {@code built-up-area}. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
