package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Seals every metadata field of an item into its ADDED/DERIVED custody entry (issue 11.1): for each field of the
 * item's manifest JSON ({@code capturedAt}, {@code capturedBy}, {@code kind}, {@code mediaType}, {@code sizeBytes},
 * {@code deviceReview}, {@code clockErrorPer24h}, {@code derivedFrom}, …; nested objects flattened as
 * {@code location.lat}, {@code facts.plateLegible}) the entry carries SHA-256 of the field's canonical JSON value.
 * The entry is a Merkle leaf under the signed head, so an edit to any field — in a journal or a bundle — is
 * found and named by {@link #diff}.
 */
final class ItemSeal {
    private ItemSeal() {
    }

    /** Digest of every metadata field of {@code item}, by flattened manifest field name. */
    static SortedMap<String, Sha256> fields(EvidenceItem item) {
        return fields(ManifestCodec.itemToJson(item));
    }

    /** Digest of every field of an item's manifest JSON. */
    static SortedMap<String, Sha256> fields(JsonNode itemJson) {
        SortedMap<String, Sha256> out = new TreeMap<>();
        flatten(itemJson, "", out);
        return Collections.unmodifiableSortedMap(out);
    }

    private static void flatten(JsonNode o, String prefix, SortedMap<String, Sha256> out) {
        Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            if (e.getValue().isObject()) {
                out.put(name + "{}", Sha256.hash(new byte[0])); // the object itself (so an emptied one is seen)
                flatten(e.getValue(), name + ".", out);
            } else {
                out.put(name, Sha256.hash(CanonicalJson.write(e.getValue())));
            }
        }
    }

    /** The fields where {@code item} differs from what was sealed, each named with what happened; empty if none. */
    static List<String> diff(SortedMap<String, Sha256> sealed, EvidenceItem item) {
        SortedMap<String, Sha256> now = fields(item);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Sha256> e : sealed.entrySet()) {
            Sha256 v = now.get(e.getKey());
            if (v == null) {
                out.add("field " + display(e.getKey()) + " was removed");
            } else if (!v.equals(e.getValue())) {
                out.add("field " + display(e.getKey()) + " was changed");
            }
        }
        for (String k : now.keySet()) {
            if (!sealed.containsKey(k)) {
                out.add("field " + display(k) + " was added");
            }
        }
        return out;
    }

    private static String display(String key) {
        return key.endsWith("{}") ? key.substring(0, key.length() - 2) : key;
    }
}
