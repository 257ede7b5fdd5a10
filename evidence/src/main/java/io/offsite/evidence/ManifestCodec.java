package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.core.geo.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
        try {
            Json.allowOnly(o, where, "id", "path", "kind", "sha256", "sizeBytes", "mediaType", "capturedAt",
                    "capturedBy", "location", "deviceReview", "clockErrorPer24h", "facts", "derivedFrom",
                    "derivation");
            String id = Json.requireText(o, "id", where);
            if (!(ITEMS_DIR + id).equals(Json.requireText(o, "path", where))) {
                throw new EvidenceException(where + ": path must be \"" + ITEMS_DIR + id + "\"");
            }
            ItemSpec.Builder b = ItemSpec.builder(ItemKind.valueOf(Json.requireText(o, "kind", where)),
                    Json.requireText(o, "mediaType", where), Instant.parse(Json.requireText(o, "capturedAt", where)),
                    Json.requireText(o, "capturedBy", where));
            JsonNode loc = o.get("location");
            if (loc != null) {
                b.location(GeoPoint.of(Double.parseDouble(Json.requireText(loc, "lon", where + ".location")),
                        Double.parseDouble(Json.requireText(loc, "lat", where + ".location"))));
            }
            b.deviceReview(DeviceReview.valueOf(Json.requireText(o, "deviceReview", where)));
            Json.optText(o, "clockErrorPer24h").ifPresent(d -> b.clockErrorPer24h(Duration.parse(d)));
            Map<String, String> facts = new TreeMap<>();
            JsonNode f = Json.require(o, "facts", where);
            Iterator<Map.Entry<String, JsonNode>> it = f.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new EvidenceException(where + ".facts." + e.getKey() + " must be a string");
                }
                facts.put(e.getKey(), e.getValue().textValue());
            }
            facts.forEach(b::fact);
            return new EvidenceItem(id, b.build(), Sha256.parse(Json.requireText(o, "sha256", where)),
                    Json.requireLong(o, "sizeBytes", where), Json.optText(o, "derivedFrom"),
                    Json.optText(o, "derivation"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new EvidenceException(where + ": " + e.getMessage(), e);
        }
    }

    static Optional<JsonNode> field(JsonNode o, String name) {
        return Optional.ofNullable(o.get(name));
    }
}
