package io.offsite.core.grid;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geojson.GeoJson;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.geojson.GeoJsonFeature;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes grid cells as an RFC 7946 FeatureCollection, one feature per cell. Properties:
 * {@code id} (or the feature id), {@code name}, {@code level} ({@code built-up-area}, {@code squadron},
 * {@code area}, {@code street}), {@code parent} (absent for the built-up area), {@code responsibleOfficer},
 * and {@code members}: an array of {@code {"id", "name", "role"}} with roles {@code enforcement-officer},
 * {@code sanitation}, {@code landscaping}, {@code municipal}. Any other property or member key is refused
 * (a typo must not silently fall back to a default). Errors name the feature index and property.
 * Export → import is lossless.
 */
public final class GridGeoJson {
    private final GeoJson codec;

    private GridGeoJson(GeoJson codec) {
        this.codec = codec;
    }

    /** A reader/writer using a default {@link GeoJson} codec. */
    public static GridGeoJson create() {
        return new GridGeoJson(GeoJson.create());
    }

    /**
     * A reader/writer for grids exported in {@code crs}, e.g. CGCS2000 3° Gauss–Krüger metres
     * ({@code CoordinateSystem.epsg(4549)} for Huangyan): cells are converted to WGS-84 longitude/latitude on read
     * and validated after the conversion. A document whose legacy {@code crs} member names another system is
     * refused; one that names a supported system is read in it even without this option. Writing produces
     * longitude/latitude.
     */
    public GridGeoJson withCrs(CoordinateSystem crs) {
        return new GridGeoJson(codec.withCrs(crs));
    }

    /** Reads the cells of a FeatureCollection (not yet validated as a grid; pass them to {@link Grid#builder()}). */
    public List<GridCell> read(Reader in) {
        List<GridCell> out = new ArrayList<>();
        for (GeoJsonFeature f : codec.read(in)) {
            out.add(cell(f));
        }
        return out;
    }

    /** Reads and builds a grid with default options. */
    public Grid readGrid(Reader in) {
        return Grid.builder().cells(read(in)).build();
    }

    private static final Set<String> PROPERTIES = Set.of("id", "name", "level", "parent", "responsibleOfficer", "members");
    private static final Set<String> MEMBER_KEYS = Set.of("id", "name", "role");

    private static GridCell cell(GeoJsonFeature f) {
        f.requireOnlyProperties(PROPERTIES);
        String id = f.optString("id").or(f::id).orElseThrow(
                () -> new GeoJsonException(f.index(), f.propertyPath("id"), "a cell needs an id"));
        GridLevel level;
        try {
            level = GridLevel.parse(f.requireString("level"));
        } catch (InvalidValueException e) {
            throw new GeoJsonException(f.index(), f.propertyPath("level"), e.getMessage());
        }
        try {
            GridCell.Builder b = GridCell.builder(id, level).name(f.optString("name").orElse(id));
            f.optString("parent").ifPresent(b::parent);
            b.polygon(f.geometry());
            Object members = f.properties().get("members");
            if (members != null) {
                if (!(members instanceof List<?> list)) {
                    throw new GeoJsonException(f.index(), f.propertyPath("members"), "must be an array");
                }
                for (int i = 0; i < list.size(); i++) {
                    b.member(member(f, i, list.get(i)));
                }
            }
            b.responsibleOfficer(OfficerId.of(f.requireString("responsibleOfficer")));
            return b.build();
        } catch (InvalidValueException | IllegalArgumentException e) {
            throw new GeoJsonException(f.index(), "features[" + f.index() + "]", e.getMessage());
        }
    }

    private static GridMember member(GeoJsonFeature f, int i, Object o) {
        String path = f.propertyPath("members") + "[" + i + "]";
        if (!(o instanceof Map<?, ?> m)) {
            throw new GeoJsonException(f.index(), path, "must be an object {id, name, role}");
        }
        for (Object k : m.keySet()) {
            if (!MEMBER_KEYS.contains(k)) {
                throw new GeoJsonException(f.index(), path + "." + k, "unknown member key " + GeoJsonFeature.show(k)
                        + "; allowed: " + new TreeSet<>(MEMBER_KEYS));
            }
        }
        Object id = m.get("id");
        Object name = m.get("name");
        Object role = m.get("role");
        if (!(id instanceof String) || ((String) id).isBlank()) {
            throw new GeoJsonException(f.index(), path + ".id", "must be a non-blank string, was " + GeoJsonFeature.show(id));
        }
        if (name != null && !(name instanceof String)) {
            throw new GeoJsonException(f.index(), path + ".name", "must be a string, was " + GeoJsonFeature.show(name));
        }
        if (!(role instanceof String)) {
            throw new GeoJsonException(f.index(), path + ".role", "must be one of " + roles() + ", was "
                    + GeoJsonFeature.show(role));
        }
        try {
            return new GridMember(OfficerId.of((String) id), name == null ? (String) id : (String) name,
                    MemberRole.parse((String) role));
        } catch (InvalidValueException e) {
            throw new GeoJsonException(f.index(), path + ".role", e.getMessage());
        }
    }

    private static List<String> roles() {
        List<String> out = new ArrayList<>();
        for (MemberRole r : MemberRole.values()) {
            out.add(r.token());
        }
        return out;
    }

    /** Writes cells as a FeatureCollection. */
    public void write(List<GridCell> cells, Writer out) {
        codec.write(features(cells), out);
    }

    /** Writes cells as a FeatureCollection string. */
    public String write(List<GridCell> cells) {
        return codec.write(features(cells));
    }

    private static List<GeoJsonFeature> features(List<GridCell> cells) {
        List<GeoJsonFeature> fs = new ArrayList<>(cells.size());
        for (GridCell c : Objects.requireNonNull(cells, "cells")) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", c.id().value());
            p.put("name", c.name());
            p.put("level", c.level().token());
            c.parent().ifPresent(parent -> p.put("parent", parent.value()));
            p.put("responsibleOfficer", c.responsibleOfficer().value());
            List<Map<String, Object>> members = new ArrayList<>();
            for (GridMember m : c.members()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("id", m.id().value());
                mm.put("name", m.name());
                mm.put("role", m.role().token());
                members.add(mm);
            }
            p.put("members", members);
            fs.add(GeoJsonFeature.of(c.id().value(), c.polygon(), p));
        }
        return fs;
    }
}
