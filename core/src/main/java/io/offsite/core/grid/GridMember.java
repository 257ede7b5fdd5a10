package io.offsite.core.grid;

import java.util.Objects;

/**
 * A person attached to a grid cell: an enforcement officer, or sanitation, landscaping or municipal staff.
 *
 * @param id   the member's id (badge or staff number)
 * @param name display name
 * @param role what the member does in the cell
 */
public record GridMember(OfficerId id, String name, MemberRole role) {
    public GridMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** Shortcut for an enforcement officer. */
    public static GridMember officer(String id, String name) {
        return new GridMember(OfficerId.of(id), name, MemberRole.ENFORCEMENT_OFFICER);
    }
}
