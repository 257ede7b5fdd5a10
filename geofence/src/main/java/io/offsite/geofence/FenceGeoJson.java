package io.offsite.geofence;

import io.offsite.core.geo.CoordinateSystem;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJson;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.geojson.GeoJsonFeature;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import io.offsite.core.violation.ViolationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@link Violation} code, {@code preset} names the starting preset by a standard violation's code) and optional
 * {@code frontOf}, the id of the managed object the fence lies in front of ({@link Fence#frontOf()}; a non-blank
 * string). Export → import round-trips.
 * Defaults are those of the builders: no {@code schedule} = always; a schedule without {@code zone} follows the
 * engine's zone ({@link FenceSchedule#builder()}); no {@code exemptions}, or an {@code exemptions} object without
 * {@code classes}, keeps {@link Exemptions#defaults()} (an explicit {@code "classes": []} exempts no class); no
 * {@code policy} = {@link LadderPolicy#defaultFor(FenceKind)}, and each missing policy setting keeps the preset's. Pixel fences are not geographic and
 * are not exported. Errors name the feature index and JSON path; invalid geometry names the fence and the
 * coordinate. Thread-safe.
 */
public final class FenceGeoJson {
    private static final String TO_END = "24:00";
    private static final Set<String> PROPERTIES = Set.of("kind", "cell", "shape", "radiusMeters", "bufferMeters",
            "schedule", "exemptions", "policy", "frontOf");
    private static final Set<String> SCHEDULE = Set.of("always", "zone", "weekly", "off", "on");
    private static final Set<String> WINDOW = Set.of("days", "from", "to");
    private static final Set<String> DATED_WINDOW = Set.of("date", "from", "to");
    private static final Set<String> EXEMPTIONS = Set.of("platePatterns", "classes", "permits");
    private static final Set<String> PERMIT = Set.of("plate", "validFrom", "validUntil", "reference");
    private static final Set<String> POLICY = Set.of("preset", "violationCode", "appliesTo", "dwellSeconds", "gapSeconds",
            "jitterMeters", "jitterPixels", "maxNoticesPerDay", "steps", "repeat", "minStills", "plateLegibleRequired",
            "videoClip", "windowFrom", "deliveryWaitSeconds");
    private static final Set<String> STEP = Set.of("waitSeconds", "actions");
    private static final Set<String> REPEAT = Set.of("scope", "windowSeconds", "escalateAtOnceAfter");
    private final GeoJson codec;

    private FenceGeoJson(GeoJson codec) {
        this.codec = codec;
    }

    /** A reader/writer using a default {@link GeoJson} codec. */
    public static FenceGeoJson create() {
        return new FenceGeoJson(GeoJson.create());
    }

    /**
     * A reader/writer for fences exported in {@code crs} (e.g. WGS 84 / UTM 51N, {@code CoordinateSystem.utm(51, true)}):
     * geometry is converted to WGS-84 longitude/latitude on read (see {@link GeoJson#withCrs}); {@code radiusMeters}
     * and {@code bufferMeters} stay metres. Writing produces longitude/latitude.
     */
    public FenceGeoJson withCrs(CoordinateSystem crs) {
        return new FenceGeoJson(codec.withCrs(crs));
    }

    /**
     * Reads fences from a FeatureCollection. Strict: besides core's {@link GeoJson} checks (duplicate keys, trailing
     * content, nesting, sizes), every property has a JSON type, integers are range-checked and never narrowed
     * ({@code "maxNoticesPerDay": 4294967297} and {@code "minStills": 2.9} are refused), enum values must be one of the
     * listed names, required schedule/permit/repeat members must be present, and keys outside the schema are refused.
     *
     * @throws GeoJsonException naming the feature index and the JSON path of the first problem
     */
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
        FenceProps props = FenceProps.root(f, PROPERTIES);
        FenceKind kind = props.enumValue("kind", FenceKind.class);
        String cell = props.string("cell");
        String shape = props.has("shape") ? props.string("shape") : "area";
        try {
            Fence.Builder b = Fence.builder(id, kind, CellId.of(cell));
            Geometry g = f.geometry();
            switch (shape) {
                case "circle":
                    if (!(g instanceof Point p)) {
                        throw new GeoJsonException(i, "features[" + i + "].geometry", "a circle fence needs a Point geometry");
                    }
                    b.circle(GeoPoint.of(p.getX(), p.getY()), props.number("radiusMeters", 0, Double.MAX_VALUE));
                    break;
                case "corridor":
                    if (!(g instanceof LineString l)) {
                        throw new GeoJsonException(i, "features[" + i + "].geometry", "a corridor fence needs a LineString geometry");
                    }
                    b.corridor(l, props.number("bufferMeters", 0, Double.MAX_VALUE));
                    break;
                case "area":
                    b.polygon(g);
                    break;
                default:
                    throw new GeoJsonException(i, f.propertyPath("shape"), "expected \"circle\" or \"corridor\", was \"" + shape + "\"");
            }
            if (props.has("schedule")) {
                b.schedule(schedule(props.object("schedule", SCHEDULE)));
            }
            if (props.has("exemptions")) {
                b.exemptions(exemptions(props.object("exemptions", EXEMPTIONS)));
            }
            b.policy(props.has("policy") ? policy(props.object("policy", POLICY), kind) : LadderPolicy.defaultFor(kind));
            if (props.has("frontOf")) {
                b.frontOf(frontOf(props));
            }
            return b.build();
        } catch (GeofenceException | io.offsite.core.InvalidValueException | IllegalArgumentException
                | java.time.DateTimeException e) {
            String msg = String.valueOf(e.getMessage());
            throw new GeoJsonException(i, "features[" + i + "]", msg.startsWith("fence " + id) ? msg : "fence " + id + ": " + msg);
        }
    }

    /** The {@code frontOf} object id: refused here with its JSON path when blank or padded, before the builder sees it. */
    private static String frontOf(FenceProps props) {
        String id = props.string("frontOf");
        if (id.isBlank()) {
            throw props.error(props.at("frontOf"), "must be a non-blank managed object id, was " + GeoJsonFeature.show(id));
        }
        if (!id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw props.error(props.at("frontOf"), "a managed object id has no surrounding whitespace or control"
                    + " characters, was " + GeoJsonFeature.show(id));
        }
        return id;
    }

    private static FenceSchedule schedule(FenceProps m) {
        if (m.has("always") && m.bool("always")) {
            for (String k : SCHEDULE) {
                if (!k.equals("always") && m.has(k)) {
                    throw m.error(m.at(k), "a schedule with \"always\": true has no other members");
                }
            }
            return FenceSchedule.always();
        }
        FenceSchedule.Builder b = m.has("zone") ? FenceSchedule.builder(m.zone("zone")) : FenceSchedule.builder();
        for (FenceProps w : m.objects("weekly", WINDOW)) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            List<String> names = w.strings("days");
            for (int k = 0; k < names.size(); k++) {
                days.add(day(names.get(k), w, k));
            }
            b.weekly(days, w.time("from"), w.time("to"));
        }
        List<Object> off = m.list("off");
        for (int k = 0; k < off.size(); k++) {
            b.off(m.date(m.at("off") + "[" + k + "]", off.get(k)));
        }
        for (FenceProps w : m.objects("on", DATED_WINDOW)) {
            b.on(w.date("date"), w.time("from"), w.time("to"));
        }
        return b.build();
    }

    private static DayOfWeek day(String s, FenceProps w, int k) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(s.toUpperCase(java.util.Locale.ROOT)) && s.length() >= 3) {
                return d;
            }
        }
        throw w.error(w.at("days") + "[" + k + "]", "unknown day " + GeoJsonFeature.show(s)
                + "; allowed: MON, TUE, ... or MONDAY, ...");
    }

    private static Exemptions exemptions(FenceProps m) {
        // classes not listed: the builder's default classes; listed (even empty): exactly those
        Exemptions e = m.has("classes") ? Exemptions.none()
                : new Exemptions(List.of(), Exemptions.defaults().classes(), List.of());
        for (String p : m.strings("platePatterns")) {
            e = e.withPlatePattern(p);
        }
        for (VehicleClass c : m.enumValues("classes", VehicleClass.class)) {
            e = e.withClass(c);
        }
        for (FenceProps p : m.objects("permits", PERMIT)) {
            String plate = p.string("plate");
            if (plate.length() > Plates.MAX_RAW_LENGTH) {
                throw p.error(p.at("plate"), "plate of " + plate.length() + " characters; at most " + Plates.MAX_LENGTH);
            }
            Plates.problem(Plates.normalize(plate)).ifPresent(why -> {
                throw p.error(p.at("plate"), why);
            });
            e = e.withPermit(new Exemptions.Permit(plate, p.instant("validFrom"), p.instant("validUntil"),
                    p.has("reference") ? p.string("reference") : ""));
        }
        return e;
    }

    /** A preset named by a violation code, or by the legacy names parking, vending, dumping. */
    private static LadderPolicy preset(FenceProps m) {
        String name = m.string("preset");
        String legacy = "vending".equals(name) ? "ROAD_OCCUPATION" : "dumping".equals(name) ? "HOUSEHOLD_WASTE"
                : "parking".equals(name) ? "PARKING" : null;
        Violation v = violation(legacy != null ? legacy : name, m, "preset");
        if (!v.isStandard()) {
            throw m.error(m.at("preset"), "no preset ladder for \"" + v + "\"; presets: " + Violation.standard());
        }
        return LadderPolicy.preset(v);
    }

    private static Violation violation(String code, FenceProps m, String key) {
        try {
            return Violation.of(code);
        } catch (ViolationException e) {
            throw m.error(m.at(key), e.getMessage());
        }
    }

    private static LadderPolicy policy(FenceProps m, FenceKind kind) {
        LadderPolicy base = m.has("preset") ? preset(m) : LadderPolicy.defaultFor(kind);
        LadderPolicy.Builder b = base.toBuilder();
        if (m.has("violationCode")) {
            b.violation(violation(m.string("violationCode"), m, "violationCode"));
        }
        if (m.has("appliesTo")) {
            Set<ObjectClass> cs = EnumSet.noneOf(ObjectClass.class);
            cs.addAll(m.enumValues("appliesTo", ObjectClass.class));
            b.appliesTo(cs);
        }
        if (m.has("dwellSeconds")) {
            b.dwell(m.seconds("dwellSeconds"));
        }
        if (m.has("gapSeconds")) {
            b.gapTolerance(m.seconds("gapSeconds"));
        }
        if (m.has("jitterMeters")) {
            b.jitterRadiusMeters(m.number("jitterMeters", 0, Double.MAX_VALUE));
        }
        if (m.has("jitterPixels")) {
            b.jitterRadiusPixels(m.number("jitterPixels", 0, Double.MAX_VALUE));
        }
        if (m.has("maxNoticesPerDay")) {
            b.maxNoticesPerDay(m.integer("maxNoticesPerDay", 1, Integer.MAX_VALUE));
        }
        if (m.has("steps")) {
            List<LadderStep> steps = new ArrayList<>();
            for (FenceProps s : m.objects("steps", STEP)) {
                Set<LadderAction> as = EnumSet.noneOf(LadderAction.class);
                as.addAll(s.enumValues("actions", LadderAction.class));
                steps.add(new LadderStep(s.has("waitSeconds") ? s.seconds("waitSeconds") : Duration.ZERO, as));
            }
            b.steps(steps);
        }
        if (m.has("repeat")) {
            FenceProps r = m.object("repeat", REPEAT);
            b.repeat(r.enumValue("scope", LadderPolicy.RepeatScope.class), r.seconds("windowSeconds"),
                    r.has("escalateAtOnceAfter") ? r.integer("escalateAtOnceAfter", 0, Integer.MAX_VALUE) : 0);
        }
        if (m.has("minStills")) {
            b.minStills(m.integer("minStills", 1, Integer.MAX_VALUE));
        }
        if (m.has("plateLegibleRequired")) {
            b.plateLegibleRequired(m.bool("plateLegibleRequired"));
        }
        if (m.has("videoClip")) {
            b.videoClip(m.bool("videoClip"));
        }
        if (m.has("windowFrom")) {
            b.windowFrom(m.enumValue("windowFrom", LadderPolicy.WindowStart.class));
        }
        if (m.has("deliveryWaitSeconds")) {
            b.deliveryWait(m.seconds("deliveryWaitSeconds"));
        }
        return b.build();
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
        f.frontOf().ifPresent(o -> p.put("frontOf", o));
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
