package io.offsite.core.grid;

/**
 * Identifier of an enforcement officer or other grid member (e.g. badge number, 执法证号).
 *
 * @param value non-blank id
 */
public record OfficerId(String value) {
    public OfficerId {
        Ids.requireId(value, "officer id");
    }

    /** Shortcut for {@code new OfficerId(value)}. */
    public static OfficerId of(String value) {
        return new OfficerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
