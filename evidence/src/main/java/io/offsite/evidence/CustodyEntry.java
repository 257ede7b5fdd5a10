package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One append-only custody-log entry. Its leaf in the Merkle tree is SHA-256(0x00 ‖ {@link #canonicalBytes()}),
 * the entry's canonical JSON.
 *
 * @param seq        0-based position in the log
 * @param at         when it happened (from the chain's clock)
 * @param actor      who did it (officer id, system id)
 * @param action     what happened
 * @param itemId     the item concerned, if any
 * @param itemSha256 that item's digest, if any
 * @param detail     free text (recipient of a share, original of a derivation, …); may be empty
 * @param sealedFields for the entry that adds an item (ADDED/DERIVED): SHA-256 of the canonical JSON of every
 *                   metadata field of the item, by manifest field name ({@code capturedAt}, {@code location.lat},
 *                   {@code facts.plateLegible}, …), so the signed log covers all of an item's metadata, not only
 *                   its content hash; empty for other entries. Every other field of the entry is itself part of
 *                   its canonical JSON, hence of the Merkle leaf.
 */
public record CustodyEntry(long seq, Instant at, String actor, CustodyAction action, Optional<String> itemId,
        Optional<Sha256> itemSha256, String detail, SortedMap<String, Sha256> sealedFields) {
    public CustodyEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemSha256, "itemSha256");
        Objects.requireNonNull(detail, "detail");
        sealedFields = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(sealedFields,
                "sealedFields")));
        if (!sealedFields.isEmpty() && itemId.isEmpty()) {
            throw new EvidenceException("custody entry " + seq + ": sealedFields need an item");
        }
        if (seq < 0) {
            throw new EvidenceException("custody entry seq must be >= 0, was " + seq);
        }
        if (actor.isBlank()) {
            throw new EvidenceException("custody entry " + seq + ": actor must be non-blank");
        }
        if (itemId.isPresent() != itemSha256.isPresent()) {
            throw new EvidenceException("custody entry " + seq + ": itemId and itemSha256 go together");
        }
    }

    /** An entry that seals no item metadata (views, shares, exports, sealing, …). */
    public CustodyEntry(long seq, Instant at, String actor, CustodyAction action, Optional<String> itemId,
            Optional<Sha256> itemSha256, String detail) {
        this(seq, at, actor, action, itemId, itemSha256, detail, new TreeMap<>());
    }

    /** The canonical JSON bytes that are hashed into the log. */
    public byte[] canonicalBytes() {
        return CanonicalJson.write(toJson());
    }

    ObjectNode toJson() {
        ObjectNode o = CanonicalJson.object();
        o.put("seq", seq);
        o.put("at", at.toString());
        o.put("actor", actor);
        o.put("action", action.name());
        itemId.ifPresent(v -> o.put("item", v));
        itemSha256.ifPresent(v -> o.put("itemSha256", v.hex()));
        if (!detail.isEmpty()) {
            o.put("detail", detail);
        }
        if (!sealedFields.isEmpty()) {
            ObjectNode f = o.putObject("fields");
            sealedFields.forEach((k, v) -> f.put(k, v.hex()));
        }
        return o;
    }

    static CustodyEntry fromJson(JsonNode o, String where) {
        try {
            Json.allowOnly(o, where, "seq", "at", "actor", "action", "item", "itemSha256", "detail", "fields");
            long seq = Json.requireLong(o, "seq", where, 0, Long.MAX_VALUE);
            Instant at = Json.requireInstant(o, "at", where);
            String actor = Json.requireText(o, "actor", where);
            CustodyAction action = Json.requireEnum(o, "action", where, CustodyAction.class);
            Optional<String> item = Json.optText(o, "item", where);
            Optional<Sha256> sha = Json.optText(o, "itemSha256", where).map(Sha256::parse);
            String detail = Json.optText(o, "detail", where).orElse("");
            SortedMap<String, Sha256> fields = new TreeMap<>();
            JsonNode f = o.get("fields");
            if (f != null) {
                if (!f.isObject() || f.isEmpty()) {
                    throw new EvidenceException(where + ": \"fields\" must be a non-empty object of SHA-256 digests");
                }
                Iterator<Map.Entry<String, JsonNode>> it = f.properties().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isTextual()) {
                        throw new EvidenceException(where + ".fields." + Json.clip(e.getKey()) + " must be a string, was "
                                + Json.type(e.getValue()));
                    }
                    fields.put(e.getKey(), Sha256.parse(e.getValue().textValue()));
                }
            }
            return new CustodyEntry(seq, at, actor, action, item, sha, detail, fields);
        } catch (OverLimitException e) {
            throw e;
        } catch (EvidenceException e) {
            throw e.getMessage().startsWith(where) ? e : new EvidenceException(where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EvidenceException(where + ": " + e.getMessage(), e);
        }
    }
}
