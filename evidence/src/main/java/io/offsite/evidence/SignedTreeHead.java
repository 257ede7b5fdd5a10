package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.evidence.spi.TimestampToken;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed statement "case {@code caseId}'s custody log had {@code treeSize} entries with root
 * {@code rootHash} at {@code signedAt}", Ed25519-signed over {@link #signedBytes()}, optionally with a
 * trusted timestamp over {@link #imprint()}.
 *
 * @param caseId    the case
 * @param treeSize  number of log entries covered
 * @param rootHash  RFC 6962 root of those entries
 * @param signedAt  signing time (from the chain's clock)
 * @param keyId     id of the signing key
 * @param signature Ed25519 signature of {@link #signedBytes()}
 * @param timestamp trusted timestamp over {@link #imprint()}, when a timestamp authority is configured
 */
public record SignedTreeHead(String caseId, long treeSize, Sha256 rootHash, Instant signedAt, String keyId,
        byte[] signature, Optional<TimestampToken> timestamp) {
    static final String TYPE = "offsite-tree-head/1";

    public SignedTreeHead {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(timestamp, "timestamp");
        if (treeSize < 0) {
            throw new EvidenceException("tree size must be >= 0, was " + treeSize);
        }
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The canonical JSON bytes the signature covers. */
    public byte[] signedBytes() {
        return signedBytes(caseId, treeSize, rootHash, signedAt, keyId);
    }

    static byte[] signedBytes(String caseId, long treeSize, Sha256 root, Instant at, String keyId) {
        ObjectNode o = CanonicalJson.object();
        o.put("type", TYPE);
        o.put("caseId", caseId);
        o.put("treeSize", treeSize);
        o.put("rootHash", root.hex());
        o.put("signedAt", at.toString());
        o.put("keyId", keyId);
        return CanonicalJson.write(o);
    }

    /** SHA-256 of the signed bytes followed by the signature: the imprint sent to a timestamp authority. */
    public Sha256 imprint() {
        java.security.MessageDigest d = Sha256.newDigest();
        d.update(signedBytes());
        d.update(signature);
        return Sha256.of(d.digest());
    }

    /** Whether the signature is valid under {@code key}. */
    public boolean verifySignature(PublicKey key) {
        return Ed25519.verify(Objects.requireNonNull(key, "key"), signedBytes(), signature);
    }

    ObjectNode toJson() {
        ObjectNode o = CanonicalJson.object();
        o.put("caseId", caseId);
        o.put("treeSize", treeSize);
        o.put("rootHash", rootHash.hex());
        o.put("signedAt", signedAt.toString());
        o.put("keyId", keyId);
        o.put("signature", Sha256.Hex.encode(signature));
        timestamp.ifPresent(t -> {
            ObjectNode ts = o.putObject("timestamp");
            ts.put("format", t.format());
            ts.put("authority", t.authority());
            ts.put("messageImprint", t.messageImprint().hex());
            ts.put("genTime", t.genTime().toString());
            ts.put("token", Sha256.Hex.encode(t.token()));
        });
        return o;
    }

    static SignedTreeHead fromJson(JsonNode o, String where) {
        try {
            Json.allowOnly(o, where, "caseId", "treeSize", "rootHash", "signedAt", "keyId", "signature",
                    "timestamp");
            Optional<TimestampToken> ts = Optional.empty();
            JsonNode t = o.get("timestamp");
            if (t != null) {
                String tw = where + ".timestamp";
                Json.allowOnly(t, tw, "format", "authority", "messageImprint", "genTime", "token");
                ts = Optional.of(new TimestampToken(Json.requireText(t, "format", tw),
                        Json.requireText(t, "authority", tw), Sha256.parse(Json.requireText(t, "messageImprint", tw)),
                        Json.requireInstant(t, "genTime", tw),
                        Sha256.Hex.decode(Json.requireText(t, "token", tw), tw + ".token")));
            }
            return new SignedTreeHead(Json.requireText(o, "caseId", where),
                    Json.requireLong(o, "treeSize", where, 0, Long.MAX_VALUE),
                    Sha256.parse(Json.requireText(o, "rootHash", where)), Json.requireInstant(o, "signedAt", where),
                    Json.requireText(o, "keyId", where),
                    Sha256.Hex.decode(Json.requireText(o, "signature", where), where + ".signature"), ts);
        } catch (OverLimitException e) {
            throw e;
        } catch (EvidenceException e) {
            throw e.getMessage().startsWith(where) ? e : new EvidenceException(where + ": " + e.getMessage(), e);
        }
    }
}
