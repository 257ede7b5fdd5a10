package io.offsite.core.grid;

/**
 * Identifier of a grid cell (网格编号), unique within one grid.
 *
 * @param value non-blank id as published by the bureau
 */
public record CellId(String value) {
    public CellId {
        Ids.requireId(value, "cell id");
    }

    /** Shortcut for {@code new CellId(value)}. */
    public static CellId of(String value) {
        return new CellId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
