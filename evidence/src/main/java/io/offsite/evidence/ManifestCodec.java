package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.core.geo.GeoPoint;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** JSON form of items in a bundle manifest (numbers that are not integers travel as strings). */
final class ManifestCodec {
    static final String FORMAT = "offsite-evidence-bundle/2";
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIG = "manifest.sig.json";
    static final String LOG = "custody/log.jsonl";
    static final String PROOFS = "custody/proofs.json";
    static final String ITEMS_DIR = "items/";

    private ManifestCodec() {
    }

    static ObjectNode itemToJson(EvidenceItem item) {
        ItemSpec s = item.spec();
        ObjectNode o = CanonicalJson.object();
        o.put("id", item.id());
        o.put("path", ITEMS_DIR + item.id());
        o.put("kind", s.kind().name());
        o.put("sha256", item.sha256().hex());
        o.put("sizeBytes", item.sizeBytes());
        o.put("mediaType", s.mediaType());
        o.put("capturedAt", s.capturedAt().toString());
        o.put("capturedBy", s.capturedBy());
        s.location().ifPresent(p -> {
            ObjectNode l = o.putObject("location");
            l.put("lon", Double.toString(p.lon()));
            l.put("lat", Double.toString(p.lat()));
        });
        o.put("deviceReview", s.deviceReview().name());
        s.clockErrorPer24h().ifPresent(d -> o.put("clockErrorPer24h", d.toString()));
        ObjectNode f = o.putObject("facts");
        s.facts().forEach(f::put);
        item.derivedFrom().ifPresent(d -> o.put("derivedFrom", d));
        item.derivation().ifPresent(d -> o.put("derivation", d));
        return o;
    }

    static EvidenceItem itemFromJson(JsonNode o, String where) {
        Json.allowOnly(o, where, "id", "path", "kind", "sha256", "sizeBytes", "mediaType", "capturedAt",
                "capturedBy", "location", "deviceReview", "clockErrorPer24h", "facts", "derivedFrom", "derivation");
        String id = Json.requireText(o, "id", where);
        if (!(ITEMS_DIR + id).equals(Json.requireText(o, "path", where))) {
            throw new EvidenceException(where + ".path must be \"" + ITEMS_DIR + Json.clip(id) + "\"");
        }
        ItemSpec.Builder b;
        try {
            b = ItemSpec.builder(Json.requireEnum(o, "kind", where, ItemKind.class),
                    Json.requireText(o, "mediaType", where), Json.requireInstant(o, "capturedAt", where),
                    Json.requireText(o, "capturedBy", where));
            JsonNode loc = o.get("location");
            if (loc != null) {
                String lw = where + ".location";
                Json.allowOnly(loc, lw, "lon", "lat");
                b.location(GeoPoint.of(degrees(loc, "lon", lw, 180), degrees(loc, "lat", lw, 90)));
            }
            b.deviceReview(Json.requireEnum(o, "deviceReview", where, DeviceReview.class));
            Optional<String> clock = Json.optText(o, "clockErrorPer24h", where);
            if (clock.isPresent()) {
                b.clockErrorPer24h(clockError(clock.get(), where + ".clockErrorPer24h"));
            }
            JsonNode f = Json.require(o, "facts", where);
            if (!f.isObject()) {
                throw new EvidenceException(where + ".facts must be an object of strings, was " + Json.type(f));
            }
            Iterator<Map.Entry<String, JsonNode>> it = f.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new EvidenceException(where + ".facts." + Json.clip(e.getKey()) + " must be a string, was "
                            + Json.type(e.getValue()));
                }
                b.fact(e.getKey(), e.getValue().textValue());
            }
            Sha256 sha = Sha256.parse(Json.requireText(o, "sha256", where));
            long size = Json.requireLong(o, "sizeBytes", where, 0, MAX_ITEM_BYTES);
            Optional<String> from = Json.optText(o, "derivedFrom", where);
            from.ifPresent(d -> EvidenceItem.requireId(d, where + ".derivedFrom"));
            return new EvidenceItem(id, b.build(), sha, size, from, Json.optText(o, "derivation", where));
        } catch (OverLimitException e) {
            throw e;
        } catch (EvidenceException e) {
            throw e.getMessage().startsWith(where) ? e : new EvidenceException(where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException(where + ": " + e.getMessage(), e);
        }
    }

    /** Largest item size accepted in item JSON (1 TiB); a bundle without ZIP64 holds items up to 4 GiB. */
    static final long MAX_ITEM_BYTES = 1L << 40;
    /** Largest clock error per 24 hours accepted (24 hours: a larger error is not a clock). */
    static final Duration MAX_CLOCK_ERROR = Duration.ofHours(24);

    private static double degrees(JsonNode loc, String field, String where, double limit) {
        String text = Json.requireText(loc, field, where);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EvidenceException(where + "." + field + " must be decimal degrees, was \"" + Json.clip(text)
                    + "\"", e);
        }
        // only the exact form the writer produces (Double.toString): no hex, suffixes, NaN, Infinity or padding
        if (!Double.isFinite(v) || !Double.toString(v).equals(text) || Math.abs(v) > limit) {
            throw new EvidenceException(where + "." + field + " must be decimal degrees within -" + (int) limit + ".."
                    + (int) limit + " in the writer's form, was \"" + Json.clip(text) + "\"");
        }
        return v;
    }

    private static Duration clockError(String text, String where) {
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new EvidenceException(where + " must be an ISO-8601 duration such as PT1.5S, was \""
                    + Json.clip(text) + "\"", e);
        }
        if (d.isNegative() || d.compareTo(MAX_CLOCK_ERROR) > 0) {
            throw new EvidenceException(where + " must be within PT0S.." + MAX_CLOCK_ERROR + ", was " + d);
        }
        return d;
    }

    static Optional<JsonNode> field(JsonNode o, String name) {
        return Optional.ofNullable(o.get(name));
    }
}
