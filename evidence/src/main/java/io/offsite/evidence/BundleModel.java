package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bundle manifest as the verifier reads it. */
record BundleModel(byte[] manifestBytes, String caseId, String violationCode, Instant exportedAt, String exportedBy,
        List<EvidenceItem> items, Map<String, FileRef> files, SignedTreeHead head, Map<String, PublicKey> keys,
        Optional<PublicKey> timestampKey) {

    /** Hash and size of a non-item file. */
    record FileRef(Sha256 sha256, long sizeBytes) {
    }

    static BundleModel parse(JsonNode m, byte[] raw) {
        String w = ManifestCodec.MANIFEST;
        Json.allowOnly(m, w, "format", "caseId", "violationCode", "exportedAt", "exportedBy", "items", "files",
                "head", "keys", "timestampKey");
        String format = Json.requireText(m, "format", w);
        if (!ManifestCodec.FORMAT.equals(format)) {
            throw new EvidenceException(w + ": unknown format \"" + format + "\" (this verifier reads "
                    + ManifestCodec.FORMAT + ")");
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(Json.requireText(m, "exportedAt", w));
        } catch (DateTimeParseException e) {
            throw new EvidenceException(w + ": exportedAt is not an ISO-8601 instant", e);
        }
        JsonNode itemsNode = Json.require(m, "items", w);
        if (!itemsNode.isArray()) {
            throw new EvidenceException(w + ": items must be an array");
        }
        List<EvidenceItem> items = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < itemsNode.size(); i++) {
            EvidenceItem item = ManifestCodec.itemFromJson(itemsNode.get(i), w + " items[" + i + "]");
            if (!ids.add(item.id())) {
                throw new EvidenceException(w + ": item id " + item.id() + " appears twice");
            }
            items.add(item);
        }
        Map<String, FileRef> files = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fit = Json.require(m, "files", w).properties().iterator();
        while (fit.hasNext()) {
            Map.Entry<String, JsonNode> f = fit.next();
            String fw = w + " files." + f.getKey();
            Json.allowOnly(f.getValue(), fw, "sha256", "sizeBytes");
            files.put(f.getKey(), new FileRef(Sha256.parse(Json.requireText(f.getValue(), "sha256", fw)),
                    Json.requireLong(f.getValue(), "sizeBytes", fw)));
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> kit = Json.require(m, "keys", w).properties().iterator();
        while (kit.hasNext()) {
            Map.Entry<String, JsonNode> k = kit.next();
            if (!k.getValue().isTextual()) {
                throw new EvidenceException(w + ": keys." + k.getKey() + " must be a hex string");
            }
            keys.put(k.getKey(), Ed25519.decodePublic(k.getValue().textValue(), w + " keys." + k.getKey()));
        }
        Optional<PublicKey> tsKey = Json.optText(m, "timestampKey").map(h -> Ed25519.decodePublic(h,
                w + " timestampKey"));
        return new BundleModel(raw, Json.requireText(m, "caseId", w), Json.requireText(m, "violationCode", w),
                exportedAt, Json.requireText(m, "exportedBy", w), List.copyOf(items), files,
                SignedTreeHead.fromJson(Json.require(m, "head", w), w + " head"), keys, tsKey);
    }
}
