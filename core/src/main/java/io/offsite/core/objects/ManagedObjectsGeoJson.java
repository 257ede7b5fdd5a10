package io.offsite.core.objects;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJson;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.geojson.GeoJsonFeature;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Reads and writes managed objects as GeoJSON Point features with properties {@code id}, {@code name},
 * {@code category} (a category code) and optional {@code industry} (a sub-class code). Categories and
 * sub-classes are checked against what the city declared; any other property is refused. Errors name the
 * feature index and property.
 */
public final class ManagedObjectsGeoJson {
    private static final java.util.Set<String> PROPERTIES = java.util.Set.of("id", "name", "category", "industry");
    private final GeoJson codec = GeoJson.create();
    private final Map<String, ObjectCategory> categories = new LinkedHashMap<>();
    private final IndustryTaxonomy taxonomy;

    private ManagedObjectsGeoJson(List<ObjectCategory> categories, IndustryTaxonomy taxonomy) {
        categories.forEach(c -> this.categories.put(c.code(), c));
        this.taxonomy = taxonomy;
    }

    /**
     * A codec accepting the given categories (pass {@link ObjectCategory#builtIn()} plus the city's own) and
     * sub-classes of the given taxonomy.
     */
    public static ManagedObjectsGeoJson of(List<ObjectCategory> categories, IndustryTaxonomy taxonomy) {
        return new ManagedObjectsGeoJson(List.copyOf(categories), Objects.requireNonNull(taxonomy, "taxonomy"));
    }

    /** Reads managed objects from a FeatureCollection of Points. */
    public List<ManagedObject> read(Reader in) {
        List<ManagedObject> out = new ArrayList<>();
        for (GeoJsonFeature f : codec.read(in)) {
            if (!(f.geometry() instanceof Point p)) {
                throw new GeoJsonException(f.index(), "features[" + f.index() + "].geometry",
                        "a managed object must be a Point, was " + f.geometry().getGeometryType());
            }
            f.requireOnlyProperties(PROPERTIES);
            String code = f.requireString("category");
            ObjectCategory cat = categories.get(code);
            if (cat == null) {
                throw new GeoJsonException(f.index(), f.propertyPath("category"), "unknown category "
                        + GeoJsonFeature.show(code) + " (declared: " + categories.keySet() + ")");
            }
            Optional<String> industry = f.optString("industry");
            if (industry.isPresent() && taxonomy.industryOf(industry.get()).isEmpty()) {
                throw new GeoJsonException(f.index(), f.propertyPath("industry"), "unknown industry sub-class "
                        + GeoJsonFeature.show(industry.get()));
            }
            String id = f.optString("id").or(f::id).filter(s -> !s.isBlank()).orElseThrow(
                    () -> new GeoJsonException(f.index(), f.propertyPath("id"), "a managed object needs a non-blank id"));
            out.add(new ManagedObject(id, f.optString("name").orElse(id), cat, industry,
                    GeoPoint.of(p.getX(), p.getY())));
        }
        return out;
    }

    /** Writes managed objects as a FeatureCollection string. */
    public String write(List<ManagedObject> objects) {
        GeometryFactory gf = new GeometryFactory();
        List<GeoJsonFeature> fs = new ArrayList<>();
        for (ManagedObject o : objects) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", o.id());
            p.put("name", o.name());
            p.put("category", o.category().code());
            o.industrySubclass().ifPresent(s -> p.put("industry", s));
            fs.add(GeoJsonFeature.of(o.id(), gf.createPoint(new org.locationtech.jts.geom.Coordinate(
                    o.location().lon(), o.location().lat())), p));
        }
        return codec.write(fs);
    }
}
