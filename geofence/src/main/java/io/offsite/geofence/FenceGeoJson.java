package io.offsite.geofence;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJson;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.geojson.GeoJsonFeature;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import io.offsite.core.violation.ViolationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * GeoJSON (RFC 7946) import and export of geographic fences through core's {@link GeoJson}. Each feature's
 * {@code id} is the fence id; properties: {@code kind} (a {@link FenceKind} name), {@code cell}, optional
 * {@code shape} ({@code "circle"} with a Point geometry and {@code radiusMeters}, {@code "corridor"} with a
 * LineString and {@code bufferMeters}; otherwise Polygon/MultiPolygon), optional {@code schedule}
 * ({@code zone}, {@code weekly: [{days, from, to}]}, {@code off: [date]}, {@code on: [{date, from, to}]}),
 * {@code exemptions} ({@code platePatterns}, {@code classes}, {@code permits}) and {@code policy} (every
 * {@link LadderPolicy} setting, in seconds; {@code windowFrom} DELIVERY or DECISION; {@code violationCode} is the
 * {@link Violation} code, {@code preset} names the starting preset by a standard violation's code). Export → import round-trips.
 * Defaults are those of the builders: no {@code schedule} = always; a schedule without {@code zone} follows the
 * engine's zone ({@link FenceSchedule#builder()}); no {@code exemptions}, or an {@code exemptions} object without
 * {@code classes}, keeps {@link Exemptions#defaults()} (an explicit {@code "classes": []} exempts no class); no
 * {@code policy} = {@link LadderPolicy#defaultFor(FenceKind)}, and each missing policy setting keeps the preset's. Pixel fences are not geographic and
 * are not exported. Errors name the feature index and JSON path; invalid geometry names the fence and the
 * coordinate. Thread-safe.
 */
public final class FenceGeoJson {
    private static final String TO_END = "24:00";
    private final GeoJson codec;

    private FenceGeoJson(GeoJson codec) {
        this.codec = codec;
    }

    /** A reader/writer using a default {@link GeoJson} codec. */
    public static FenceGeoJson create() {
        return new FenceGeoJson(GeoJson.create());
    }

    /** Reads fences from a FeatureCollection. */
    public List<Fence> read(String json) {
        List<Fence> out = new ArrayList<>();
        for (GeoJsonFeature f : codec.read(json)) {
            out.add(fence(f));
        }
        return out;
    }

    /** Writes geographic fences as a FeatureCollection; a pixel fence is rejected naming it. */
    public String write(List<Fence> fences) {
        List<GeoJsonFeature> features = new ArrayList<>();
        for (Fence f : fences) {
            features.add(feature(f));
        }
        return codec.write(features);
    }

    private Fence fence(GeoJsonFeature f) {
        int i = f.index();
        String id = f.id().orElseThrow(() -> new GeoJsonException(i, "features[" + i + "].id", "a fence needs an id"));
        String kindName = f.requireString("kind");
        FenceKind kind;
        try {
            kind = FenceKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new GeoJsonException(i, f.propertyPath("kind"), "unknown fence kind \"" + kindName + "\", expected one of "
                    + List.of(FenceKind.values()));
        }
        try {
            Fence.Builder b = Fence.builder(id, kind, CellId.of(f.requireString("cell")));
            String shape = f.optString("shape").orElse("area");
            Geometry g = f.geometry();
            switch (shape) {
                case "circle":
                    if (!(g instanceof Point p)) {
                        throw new GeoJsonException(i, "features[" + i + "].geometry", "a circle fence needs a Point geometry");
                    }
                    b.circle(GeoPoint.of(p.getX(), p.getY()), number(f, "radiusMeters"));
                    break;
                case "corridor":
                    if (!(g instanceof LineString l)) {
                        throw new GeoJsonException(i, "features[" + i + "].geometry", "a corridor fence needs a LineString geometry");
                    }
                    b.corridor(l, number(f, "bufferMeters"));
                    break;
                case "area":
                    b.polygon(g);
                    break;
                default:
                    throw new GeoJsonException(i, f.propertyPath("shape"), "expected \"circle\" or \"corridor\", was \"" + shape + "\"");
            }
            Object sched = f.properties().get("schedule");
            if (sched != null) {
                b.schedule(schedule(map(sched, f, "schedule"), f));
            }
            Object ex = f.properties().get("exemptions");
            if (ex != null) {
                b.exemptions(exemptions(map(ex, f, "exemptions"), f));
            }
            Object pol = f.properties().get("policy");
            b.policy(pol == null ? LadderPolicy.defaultFor(kind) : policy(map(pol, f, "policy"), f, kind));
            return b.build();
        } catch (GeofenceException | IllegalArgumentException | java.time.DateTimeException | ClassCastException e) {
            String msg = String.valueOf(e.getMessage());
            throw new GeoJsonException(i, "features[" + i + "]", msg.startsWith("fence " + id) ? msg : "fence " + id + ": " + msg);
        }
    }

    private static double number(GeoJsonFeature f, String name) {
        return f.optNumber(name).orElseThrow(() -> new GeoJsonException(f.index(), f.propertyPath(name), "required number is missing"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, GeoJsonFeature f, String name) {
        if (!(o instanceof Map)) {
            throw new GeoJsonException(f.index(), f.propertyPath(name), "must be an object, was " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static FenceSchedule schedule(Map<String, Object> m, GeoJsonFeature f) {
        if (Boolean.TRUE.equals(m.get("always"))) {
            return FenceSchedule.always();
        }
        Object zone = m.get("zone");
        FenceSchedule.Builder b = zone == null ? FenceSchedule.builder() : FenceSchedule.builder(ZoneId.of((String) zone));
        for (Object o : list(m.get("weekly"))) {
            Map<String, Object> w = map(o, f, "schedule.weekly");
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Object d : list(w.get("days"))) {
                days.add(day((String) d));
            }
            b.weekly(days, time((String) w.get("from")), time((String) w.get("to")));
        }
        for (Object o : list(m.get("off"))) {
            b.off(LocalDate.parse((String) o));
        }
        for (Object o : list(m.get("on"))) {
            Map<String, Object> w = map(o, f, "schedule.on");
            b.on(LocalDate.parse((String) w.get("date")), time((String) w.get("from")), time((String) w.get("to")));
        }
        return b.build();
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(s.toUpperCase(java.util.Locale.ROOT)) && s.length() >= 3) {
                return d;
            }
        }
        throw new GeofenceException("unknown day \"" + s + "\" (use MON, TUE, ... or MONDAY, ...)");
    }

    private static LocalTime time(String s) {
        Objects.requireNonNull(s, "window time");
        return TO_END.equals(s) ? LocalTime.MIDNIGHT : LocalTime.parse(s);
    }

    private static Exemptions exemptions(Map<String, Object> m, GeoJsonFeature f) {
        // classes not listed: the builder's default classes; listed (even empty): exactly those
        Exemptions e = m.containsKey("classes") ? Exemptions.none()
                : new Exemptions(List.of(), Exemptions.defaults().classes(), List.of());
        for (Object p : list(m.get("platePatterns"))) {
            e = e.withPlatePattern((String) p);
        }
        for (Object c : list(m.get("classes"))) {
            e = e.withClass(VehicleClass.valueOf((String) c));
        }
        for (Object o : list(m.get("permits"))) {
            Map<String, Object> p = map(o, f, "exemptions.permits");
            e = e.withPermit(new Exemptions.Permit((String) p.get("plate"), Instant.parse((String) p.get("validFrom")),
                    Instant.parse((String) p.get("validUntil")), (String) p.getOrDefault("reference", "")));
        }
        return e;
    }

    /** A preset named by a violation code, or by the legacy names parking, vending, dumping. */
    private static LadderPolicy preset(Object name, GeoJsonFeature f) {
        String legacy = "vending".equals(name) ? "ROAD_OCCUPATION" : "dumping".equals(name) ? "HOUSEHOLD_WASTE"
                : "parking".equals(name) ? "PARKING" : null;
        Violation v = violation(legacy != null ? legacy : name, f, "policy.preset");
        if (!v.isStandard()) {
            throw new GeoJsonException(f.index(), f.propertyPath("policy.preset"), "no preset ladder for \"" + v
                    + "\"; presets: " + Violation.standard());
        }
        return LadderPolicy.preset(v);
    }

    private static Violation violation(Object code, GeoJsonFeature f, String path) {
        try {
            return Violation.of(String.valueOf(code));
        } catch (ViolationException e) {
            throw new GeoJsonException(f.index(), f.propertyPath(path), e.getMessage());
        }
    }

    private static LadderPolicy policy(Map<String, Object> m, GeoJsonFeature f, FenceKind kind) {
        LadderPolicy base = m.containsKey("preset") ? preset(m.get("preset"), f) : LadderPolicy.defaultFor(kind);
        LadderPolicy.Builder b = base.toBuilder();
        if (m.containsKey("violationCode")) {
            b.violation(violation(m.get("violationCode"), f, "policy.violationCode"));
        }
        if (m.containsKey("appliesTo")) {
            Set<ObjectClass> cs = EnumSet.noneOf(ObjectClass.class);
            list(m.get("appliesTo")).forEach(c -> cs.add(ObjectClass.valueOf((String) c)));
            b.appliesTo(cs);
        }
        if (m.containsKey("dwellSeconds")) {
            b.dwell(seconds(m.get("dwellSeconds")));
        }
        if (m.containsKey("gapSeconds")) {
            b.gapTolerance(seconds(m.get("gapSeconds")));
        }
        if (m.containsKey("jitterMeters")) {
            b.jitterRadiusMeters(((Number) m.get("jitterMeters")).doubleValue());
        }
        if (m.containsKey("jitterPixels")) {
            b.jitterRadiusPixels(((Number) m.get("jitterPixels")).doubleValue());
        }
        if (m.containsKey("maxNoticesPerDay")) {
            b.maxNoticesPerDay(((Number) m.get("maxNoticesPerDay")).intValue());
        }
        if (m.containsKey("steps")) {
            List<LadderStep> steps = new ArrayList<>();
            for (Object o : list(m.get("steps"))) {
                Map<String, Object> s = map(o, f, "policy.steps");
                Set<LadderAction> as = EnumSet.noneOf(LadderAction.class);
                list(s.get("actions")).forEach(a -> as.add(LadderAction.valueOf((String) a)));
                steps.add(new LadderStep(seconds(s.getOrDefault("waitSeconds", 0)), as));
            }
            b.steps(steps);
        }
        if (m.containsKey("repeat")) {
            Map<String, Object> r = map(m.get("repeat"), f, "policy.repeat");
            b.repeat(LadderPolicy.RepeatScope.valueOf((String) r.get("scope")), seconds(r.get("windowSeconds")),
                    ((Number) r.getOrDefault("escalateAtOnceAfter", 0)).intValue());
        }
        if (m.containsKey("minStills")) {
            b.minStills(((Number) m.get("minStills")).intValue());
        }
        if (m.containsKey("plateLegibleRequired")) {
            b.plateLegibleRequired((Boolean) m.get("plateLegibleRequired"));
        }
        if (m.containsKey("videoClip")) {
            b.videoClip((Boolean) m.get("videoClip"));
        }
        if (m.containsKey("windowFrom")) {
            b.windowFrom(LadderPolicy.WindowStart.valueOf((String) m.get("windowFrom")));
        }
        if (m.containsKey("deliveryWaitSeconds")) {
            b.deliveryWait(seconds(m.get("deliveryWaitSeconds")));
        }
        return b.build();
    }

    private static Duration seconds(Object o) {
        return Duration.ofMillis(Math.round(((Number) o).doubleValue() * 1000));
    }

    private static GeoJsonFeature feature(Fence f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", f.kind().name());
        p.put("cell", f.cell().value());
        Geometry g;
        FenceShape s = f.shape();
        if (s instanceof FenceShape.Circle c) {
            p.put("shape", "circle");
            p.put("radiusMeters", c.radiusMeters());
            g = new org.locationtech.jts.geom.GeometryFactory().createPoint(
                    new org.locationtech.jts.geom.Coordinate(c.centre().lon(), c.centre().lat()));
        } else if (s instanceof FenceShape.Corridor k) {
            p.put("shape", "corridor");
            p.put("bufferMeters", k.bufferMeters());
            g = k.lineLonLat();
        } else if (s instanceof FenceShape.Area a) {
            g = a.lonLat();
        } else {
            throw new GeofenceException("fence " + f.id() + " is a camera-pixel fence and has no GeoJSON form");
        }
        p.put("schedule", scheduleMap(f.schedule()));
        p.put("exemptions", exemptionsMap(f.exemptions()));
        p.put("policy", policyMap(f.policy()));
        return GeoJsonFeature.of(f.id(), g, p);
    }

    private static Map<String, Object> scheduleMap(FenceSchedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.isAlways()) {
            m.put("always", true);
            return m;
        }
        if (s.hasOwnZone()) {
            m.put("zone", s.zone().getId());
        }
        List<Object> weekly = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            int[] w = s.weeklyWindows(d.ordinal());
            for (int k = 0; k < w.length; k += 2) {
                weekly.add(Map.of("days", List.of(d.name()), "from", hhmm(w[k]), "to", hhmm(w[k + 1])));
            }
        }
        m.put("weekly", weekly);
        List<Object> off = new ArrayList<>();
        List<Object> on = new ArrayList<>();
        s.exceptionWindows().forEach((date, w) -> {
            if (w.length == 0) {
                off.add(date.toString());
            }
            for (int k = 0; k < w.length; k += 2) {
                on.add(Map.of("date", date.toString(), "from", hhmm(w[k]), "to", hhmm(w[k + 1])));
            }
        });
        m.put("off", off);
        m.put("on", on);
        return m;
    }

    private static String hhmm(int sec) {
        return sec == 86_400 ? TO_END : LocalTime.ofSecondOfDay(sec).toString();
    }

    private static Map<String, Object> exemptionsMap(Exemptions e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("platePatterns", e.platePatterns().stream().map(PlatePattern::regex).toList());
        m.put("classes", e.classes().stream().map(Enum::name).sorted().toList());
        m.put("permits", e.permits().stream().map(p -> Map.of("plate", p.plate(), "validFrom", p.validFrom().toString(),
                "validUntil", p.validUntil().toString(), "reference", p.reference())).toList());
        return m;
    }

    private static Map<String, Object> policyMap(LadderPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("violationCode", p.violation.code());
        m.put("appliesTo", p.appliesTo.stream().map(Enum::name).sorted().toList());
        m.put("dwellSeconds", p.dwellMs / 1000.0);
        m.put("gapSeconds", p.gapMs / 1000.0);
        m.put("jitterMeters", p.jitterRadiusMeters);
        m.put("jitterPixels", p.jitterRadiusPixels);
        m.put("maxNoticesPerDay", p.maxNoticesPerDay);
        List<Object> steps = new ArrayList<>();
        for (LadderStep s : p.steps) {
            steps.add(Map.of("waitSeconds", s.waitAfterPrevious().toMillis() / 1000.0,
                    "actions", s.actions().stream().map(Enum::name).sorted().toList()));
        }
        m.put("steps", steps);
        m.put("repeat", Map.of("scope", p.repeatScope.name(), "windowSeconds", p.repeatWindowMs / 1000.0,
                "escalateAtOnceAfter", p.escalateAtOnceAfter));
        m.put("minStills", p.minStills);
        m.put("plateLegibleRequired", p.plateLegibleRequired);
        m.put("videoClip", p.videoClip);
        m.put("windowFrom", p.windowStart.name());
        m.put("deliveryWaitSeconds", p.deliveryWaitMs / 1000.0);
        return m;
    }
}
