package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
import java.util.Locale;

/** The role of a member of a grid cell. Only enforcement officers may be a cell's responsible officer. */
public enum MemberRole {
    /** Enforcement officer (执法队员). */
    ENFORCEMENT_OFFICER,
    /** Sanitation staff (环卫). */
    SANITATION,
    /** Landscaping staff (园林绿化). */
    LANDSCAPING,
    /** Municipal facilities staff (市政). */
    MUNICIPAL;

    /** Parses {@code enforcement-officer} or {@code ENFORCEMENT_OFFICER}. */
    public static MemberRole parse(String text) {
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MemberRole r : values()) {
            if (r.name().equals(norm)) {
                return r;
            }
        }
        throw new InvalidValueException("unknown member role \"" + text
                + "\" (expected enforcement-officer, sanitation, landscaping or municipal)");
    }

    /** The lower-case, dashed form used in files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
