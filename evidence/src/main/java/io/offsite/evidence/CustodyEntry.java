package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

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
 */
public record CustodyEntry(long seq, Instant at, String actor, CustodyAction action, Optional<String> itemId,
        Optional<Sha256> itemSha256, String detail) {
    public CustodyEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemSha256, "itemSha256");
        Objects.requireNonNull(detail, "detail");
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
        return o;
    }

    static CustodyEntry fromJson(JsonNode o, String where) {
        try {
            long seq = Json.requireLong(o, "seq", where);
            Instant at = Instant.parse(Json.requireText(o, "at", where));
            String actor = Json.requireText(o, "actor", where);
            CustodyAction action = CustodyAction.valueOf(Json.requireText(o, "action", where));
            Optional<String> item = Json.optText(o, "item");
            Optional<Sha256> sha = Json.optText(o, "itemSha256").map(Sha256::parse);
            String detail = Json.optText(o, "detail").orElse("");
            Json.allowOnly(o, where, "seq", "at", "actor", "action", "item", "itemSha256", "detail");
            return new CustodyEntry(seq, at, actor, action, item, sha, detail);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new EvidenceException(where + ": " + e.getMessage(), e);
        }
    }
}
