package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.evidence.VerificationProblem.Kind;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code custody/proofs.json}: per-item inclusion proofs and earlier heads' consistency proofs. Streams the
 * file (one proof's tree at a time); a malformed file is an {@link EvidenceException}.
 */
final class ProofCheck {
    private static final String W = ManifestCodec.PROOFS;
    /** Longest JSON of one proof, in bytes. */
    private static final int MAX_PROOF_BYTES = 1 << 20;

    private ProofCheck() {
    }

    /** Checks the canonical proofs file {@code raw} against the log's rebuilt {@code tree} (null when absent). */
    static void check(byte[] raw, BundleModel model, MerkleTree tree, ProblemSink sink) {
        CanonicalStream s = new CanonicalStream(raw, W);
        boolean inclusion = false;
        boolean earlier = false;
        for (String f = s.nextField(); f != null; f = s.nextField()) {
            switch (f) {
                case "earlierHeads" -> {
                    earlier = true;
                    s.enterArray();
                    int i = 0;
                    for (JsonNode e = s.nextElement(MAX_PROOF_BYTES); e != null; e = s.nextElement(MAX_PROOF_BYTES)) {
                        earlierHead(e, W + " earlierHeads[" + i++ + "]", model, sink);
                    }
                }
                case "inclusion" -> {
                    inclusion = true;
                    s.enterArray();
                    int i = 0;
                    for (JsonNode e = s.nextElement(MAX_PROOF_BYTES); e != null; e = s.nextElement(MAX_PROOF_BYTES)) {
                        inclusion(e, W + " inclusion[" + i++ + "]", model, tree, sink);
                    }
                    if (i != model.items().size()) {
                        sink.add(Kind.PROOF, W, i + " inclusion proofs for " + model.items().size() + " items");
                    }
                }
                default -> throw new EvidenceException(W + " has an unknown field \"" + Json.clip(f)
                        + "\" (allowed: earlierHeads, inclusion)");
            }
        }
        if (!inclusion || !earlier) {
            throw new EvidenceException(W + " lacks the field \"" + (inclusion ? "earlierHeads" : "inclusion") + "\"");
        }
    }

    private static void inclusion(JsonNode e, String w, BundleModel model, MerkleTree tree, ProblemSink sink) {
        Json.allowOnly(e, w, "item", "seq", "treeSize", "path");
        String item = Json.requireText(e, "item", w);
        long seq = Json.requireLong(e, "seq", w, 0, Long.MAX_VALUE);
        InclusionProof proof = new InclusionProof(seq, Json.requireLong(e, "treeSize", w, 0, Long.MAX_VALUE),
                hashes(e.get("path"), w));
        if (tree == null || seq >= tree.size()) {
            sink.add(Kind.PROOF, w, "proof for item " + item + " points at log entry " + seq + " which is absent");
            return;
        }
        if (!MerkleProofs.verifyInclusion(proof, Sha256.of(tree.leafHash(seq)), model.head().rootHash())) {
            sink.add(Kind.PROOF, w, "inclusion proof of item " + item + " (log entry " + seq
                    + ") does not lead to the signed root");
        }
    }

    private static void earlierHead(JsonNode e, String w, BundleModel model, ProblemSink sink) {
        Json.allowOnly(e, w, "head", "consistencyPath");
        SignedTreeHead head = model.head();
        SignedTreeHead h = SignedTreeHead.fromJson(Json.require(e, "head", w), w + ".head");
        PublicKey key = model.keys().get(h.keyId());
        if (key == null || !h.verifySignature(key)) {
            sink.add(Kind.PROOF, w, "earlier head (size " + h.treeSize() + ") has no valid signature");
        }
        if (!h.caseId().equals(model.caseId())) {
            sink.add(Kind.PROOF, w, "earlier head is for case " + h.caseId() + ", not " + model.caseId());
        }
        if (h.treeSize() == 0) {
            return;
        }
        if (h.treeSize() > head.treeSize()) {
            sink.add(Kind.PROOF, w, "earlier head covers " + h.treeSize() + " entries, more than the final "
                    + head.treeSize() + ": the log was truncated");
            return;
        }
        ConsistencyProof cp = new ConsistencyProof(h.treeSize(), head.treeSize(), hashes(e.get("consistencyPath"), w));
        if (!MerkleProofs.verifyConsistency(cp, h.rootHash(), head.rootHash())) {
            sink.add(Kind.PROOF, w, "the log signed at " + h.signedAt() + " (" + h.treeSize()
                    + " entries) is not a prefix of the exported log: history was rewritten");
        }
    }

    private static List<Sha256> hashes(JsonNode arr, String w) {
        if (arr == null || !arr.isArray() || arr.size() > 64) {
            throw new EvidenceException(w + ": path must be an array of at most 64 hex hashes");
        }
        List<Sha256> out = new ArrayList<>();
        for (JsonNode n : arr) {
            if (!n.isTextual()) {
                throw new EvidenceException(w + ": path entries must be hex strings, found " + Json.type(n));
            }
            out.add(Sha256.parse(n.textValue()));
        }
        return out;
    }
}
