package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle manifest as the verifier reads it: streamed item by item ({@link #parse}), keeping per item only an
 * {@link ItemRef} (id, hash, size, where its JSON lies in the manifest bytes), never the whole tree.
 */
record BundleModel(byte[] manifestBytes, String caseId, String violationCode, Instant exportedAt, String exportedBy,
        Map<String, ItemRef> items, Map<String, FileRef> files, SignedTreeHead head, Map<String, PublicKey> keys,
        Optional<PublicKey> timestampKey) {
    /** Most items a manifest may list: a bundle ZIP without ZIP64 holds at most 65,535 entries. */
    static final int MAX_ITEMS = 65_535;
    /** Longest JSON of one item, or of one other manifest value (files, head, keys), in bytes. */
    static final int MAX_VALUE_BYTES = 1 << 20;
    /** Most signing keys a manifest may carry. */
    static final int MAX_KEYS = 64;

    /** Hash and size of a non-item file. */
    record FileRef(Sha256 sha256, long sizeBytes) {
    }

    /** What the verifier keeps of an item: enough to check it, and where to re-read its full metadata. */
    record ItemRef(String id, Sha256 sha256, long sizeBytes, Optional<String> derivedFrom, int jsonOffset,
            int jsonLength) {
    }

    /** Receives each item as soon as it is read. */
    @FunctionalInterface
    interface ItemVisitor {
        void item(EvidenceItem item) throws IOException;
    }

    /** The full item, re-read from the manifest bytes. */
    EvidenceItem item(ItemRef ref) {
        return ManifestCodec.itemFromJson(CanonicalJson.parse(manifestBytes, ref.jsonOffset(), ref.jsonLength(),
                ManifestCodec.MANIFEST + " item " + ref.id()), ManifestCodec.MANIFEST + " item " + ref.id());
    }

    /**
     * Streams the canonical manifest {@code raw}, handing each item to {@code visitor} as it is read. Refuses
     * non-canonical or malformed JSON, unknown or missing fields and duplicate item ids; over {@link #MAX_ITEMS}
     * items or {@link #MAX_VALUE_BYTES} for one value is an {@link OverLimitException}.
     */
    static BundleModel parse(byte[] raw, ItemVisitor visitor) throws IOException {
        String w = ManifestCodec.MANIFEST;
        CanonicalStream s = new CanonicalStream(raw, w);
        String format = null;
        String caseId = null;
        String violationCode = null;
        String exportedBy = null;
        Instant exportedAt = null;
        Map<String, ItemRef> items = null;
        Map<String, FileRef> files = null;
        SignedTreeHead head = null;
        Map<String, PublicKey> keys = null;
        Optional<PublicKey> tsKey = Optional.empty();
        for (String f = s.nextField(); f != null; f = s.nextField()) {
            switch (f) {
                case "caseId" -> caseId = text(s, w, f);
                case "exportedAt" -> exportedAt = Json.instant(text(s, w, f), w + ".exportedAt");
                case "exportedBy" -> exportedBy = text(s, w, f);
                case "files" -> files = files(s.value(MAX_VALUE_BYTES), w + ".files");
                case "format" -> {
                    format = text(s, w, f);
                    if (!ManifestCodec.FORMAT.equals(format)) {
                        throw new EvidenceException(w + ": unknown format \"" + Json.clip(format)
                                + "\" (this verifier reads " + ManifestCodec.FORMAT + ")");
                    }
                }
                case "head" -> head = SignedTreeHead.fromJson(s.value(MAX_VALUE_BYTES), w + ".head");
                case "items" -> {
                    if (format == null) {
                        throw new EvidenceException(w + " lacks the field \"format\"");
                    }
                    items = items(s, visitor, w);
                }
                case "keys" -> keys = keys(s.value(MAX_VALUE_BYTES), w + ".keys");
                case "timestampKey" -> tsKey = Optional.of(Ed25519.decodePublic(text(s, w, f), w + ".timestampKey"));
                case "violationCode" -> violationCode = text(s, w, f);
                default -> throw new EvidenceException(w + " has an unknown field \"" + Json.clip(f) + "\" (allowed: "
                        + "caseId, exportedAt, exportedBy, files, format, head, items, keys, timestampKey,"
                        + " violationCode)");
            }
        }
        return new BundleModel(raw, required(caseId, "caseId"), required(violationCode, "violationCode"),
                required(exportedAt, "exportedAt"), required(exportedBy, "exportedBy"), required(items, "items"),
                required(files, "files"), required(head, "head"), required(keys, "keys"), tsKey);
    }

    private static Map<String, ItemRef> items(CanonicalStream s, ItemVisitor visitor, String w) throws IOException {
        Map<String, ItemRef> items = new LinkedHashMap<>();
        s.enterArray();
        for (JsonNode n = s.nextElement(MAX_VALUE_BYTES); n != null; n = s.nextElement(MAX_VALUE_BYTES)) {
            if (items.size() == MAX_ITEMS) {
                throw new OverLimitException(w + " lists more than " + MAX_ITEMS + " items, the most a bundle ZIP"
                        + " (without ZIP64) can hold and this verifier's limit");
            }
            EvidenceItem item = ManifestCodec.itemFromJson(n, w + " items[" + items.size() + "]");
            if (items.containsKey(item.id())) {
                throw new EvidenceException(w + ": item id " + item.id() + " appears twice (items["
                        + items.size() + "])");
            }
            items.put(item.id(), new ItemRef(item.id(), item.sha256(), item.sizeBytes(), item.derivedFrom(),
                    s.sliceOffset(), s.sliceLength()));
            visitor.item(item);
        }
        return items;
    }

    private static Map<String, FileRef> files(JsonNode node, String w) {
        if (!node.isObject()) {
            throw new EvidenceException(w + " must be an object, was " + Json.type(node));
        }
        Json.allowOnly(node, w, ManifestCodec.LOG, ManifestCodec.PROOFS);
        Map<String, FileRef> files = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String fw = w + "." + f.getKey();
            Json.allowOnly(f.getValue(), fw, "sha256", "sizeBytes");
            files.put(f.getKey(), new FileRef(Sha256.parse(Json.requireText(f.getValue(), "sha256", fw)),
                    Json.requireLong(f.getValue(), "sizeBytes", fw, 0, StoredZipWriter.MAX_32)));
        }
        return files;
    }

    private static Map<String, PublicKey> keys(JsonNode node, String w) {
        if (!node.isObject() || node.size() > MAX_KEYS) {
            throw new EvidenceException(w + " must be an object of at most " + MAX_KEYS + " keys, was "
                    + Json.type(node) + (node.isObject() ? " of " + node.size() : ""));
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> k = it.next();
            if (!k.getValue().isTextual()) {
                throw new EvidenceException(w + "." + Json.clip(k.getKey()) + " must be a hex string, was "
                        + Json.type(k.getValue()));
            }
            keys.put(k.getKey(), Ed25519.decodePublic(k.getValue().textValue(), w + "." + Json.clip(k.getKey())));
        }
        return keys;
    }

    private static String text(CanonicalStream s, String w, String field) {
        JsonNode v = s.value(MAX_VALUE_BYTES);
        if (!v.isTextual()) {
            throw new EvidenceException(w + "." + field + " must be a string, was " + Json.type(v));
        }
        return v.textValue();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new EvidenceException(ManifestCodec.MANIFEST + " lacks the field \"" + field + "\"");
        }
        return value;
    }
}
