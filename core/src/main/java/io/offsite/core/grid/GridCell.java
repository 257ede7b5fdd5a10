package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * One cell of the enforcement grid: a polygon (holes and multipolygons allowed, WGS-84 lon/lat), its level,
 * its parent, its members and the officer responsible for it (责任人). Immutable; build with
 * {@link #builder(String, GridLevel)}. Whether the cell fits its parent and siblings is checked when the
 * {@link Grid} is built.
 *
 * @param id                 unique id
 * @param name               display name, e.g. "解放路"
 * @param level              grid level
 * @param parent             parent cell id; empty only for a built-up area
 * @param polygon            a {@link Polygon} or {@link MultiPolygon} in lon/lat degrees
 * @param members            the cell's staff
 * @param responsibleOfficer the officer answerable for the cell; must be an enforcement-officer member
 */
public record GridCell(CellId id, String name, GridLevel level, Optional<CellId> parent, Geometry polygon,
        List<GridMember> members, OfficerId responsibleOfficer) {
    public GridCell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(polygon, "polygon");
        Objects.requireNonNull(responsibleOfficer, "responsibleOfficer");
        if (!(polygon instanceof Polygon) && !(polygon instanceof MultiPolygon)) {
            throw new InvalidValueException("cell " + id + ": polygon must be a Polygon or MultiPolygon, was "
                    + polygon.getGeometryType());
        }
        members = List.copyOf(members);
    }

    /** Starts a cell with its id and level. */
    public static Builder builder(String id, GridLevel level) {
        return new Builder(CellId.of(id), Objects.requireNonNull(level, "level"));
    }

    /** Builder for {@link GridCell}; each setter rejects bad input at once. */
    public static final class Builder {
        private final CellId id;
        private final GridLevel level;
        private String name;
        private CellId parent;
        private Geometry polygon;
        private final List<GridMember> members = new ArrayList<>();
        private OfficerId responsible;

        private Builder(CellId id, GridLevel level) {
            this.id = id;
            this.level = level;
        }

        /** Display name (defaults to the id). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Parent cell id. */
        public Builder parent(String parentId) {
            this.parent = CellId.of(parentId);
            return this;
        }

        /** The cell's shape (Polygon or MultiPolygon, lon/lat). */
        public Builder polygon(Geometry polygon) {
            this.polygon = Objects.requireNonNull(polygon, "polygon");
            return this;
        }

        /** Adds a member. */
        public Builder member(GridMember member) {
            members.add(Objects.requireNonNull(member, "member"));
            return this;
        }

        /** Adds an enforcement officer and makes them responsible for the cell. */
        public Builder responsibleOfficer(String officerId, String officerName) {
            GridMember m = GridMember.officer(officerId, officerName);
            members.add(m);
            this.responsible = m.id();
            return this;
        }

        /** Names an existing member as the responsible officer. */
        public Builder responsibleOfficer(OfficerId officerId) {
            this.responsible = Objects.requireNonNull(officerId, "officerId");
            return this;
        }

        /** Builds the cell; fails naming the missing field. */
        public GridCell build() {
            if (polygon == null) {
                throw new InvalidValueException("cell " + id + ": polygon is required");
            }
            if (responsible == null) {
                throw new InvalidValueException("cell " + id + ": responsibleOfficer is required");
            }
            return new GridCell(id, name == null ? id.value() : name, level, Optional.ofNullable(parent), polygon,
                    members, responsible);
        }
    }
}
