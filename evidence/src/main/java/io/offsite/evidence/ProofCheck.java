package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Checks {@code custody/proofs.json}: per-item inclusion proofs and earlier heads' consistency proofs. */
final class ProofCheck {
    private static final String W = ManifestCodec.PROOFS;

    private ProofCheck() {
    }

    static List<String[]> check(JsonNode p, BundleModel model, List<byte[]> lines) {
        List<String[]> out = new ArrayList<>();
        Json.allowOnly(p, W, "inclusion", "earlierHeads");
        SignedTreeHead head = model.head();
        JsonNode inc = Json.require(p, "inclusion", W);
        if (inc.size() != model.items().size()) {
            out.add(new String[] {W, inc.size() + " inclusion proofs for " + model.items().size() + " items"});
        }
        for (int i = 0; i < inc.size(); i++) {
            JsonNode e = inc.get(i);
            String w = W + " inclusion[" + i + "]";
            Json.allowOnly(e, w, "item", "seq", "treeSize", "path");
            String item = Json.requireText(e, "item", w);
            long seq = Json.requireLong(e, "seq", w);
            InclusionProof proof = new InclusionProof(seq, Json.requireLong(e, "treeSize", w), hashes(e.get("path"), w));
            if (lines == null || seq >= lines.size()) {
                out.add(new String[] {w, "proof for item " + item + " points at log entry " + seq + " which is absent"});
                continue;
            }
            if (!MerkleProofs.verifyInclusion(proof, MerkleProofs.leafHash(lines.get((int) seq)), head.rootHash())) {
                out.add(new String[] {w, "inclusion proof of item " + item + " (log entry " + seq
                        + ") does not lead to the signed root"});
            }
        }
        JsonNode earlier = Json.require(p, "earlierHeads", W);
        for (int i = 0; i < earlier.size(); i++) {
            JsonNode e = earlier.get(i);
            String w = W + " earlierHeads[" + i + "]";
            Json.allowOnly(e, w, "head", "consistencyPath");
            SignedTreeHead h = SignedTreeHead.fromJson(Json.require(e, "head", w), w + ".head");
            PublicKey key = model.keys().get(h.keyId());
            if (key == null || !h.verifySignature(key)) {
                out.add(new String[] {w, "earlier head (size " + h.treeSize() + ") has no valid signature"});
            }
            if (!h.caseId().equals(model.caseId())) {
                out.add(new String[] {w, "earlier head is for case " + h.caseId() + ", not " + model.caseId()});
            }
            if (h.treeSize() == 0) {
                continue;
            }
            if (h.treeSize() > head.treeSize()) {
                out.add(new String[] {w, "earlier head covers " + h.treeSize() + " entries, more than the final "
                        + head.treeSize() + ": the log was truncated"});
                continue;
            }
            ConsistencyProof cp = new ConsistencyProof(h.treeSize(), head.treeSize(),
                    hashes(e.get("consistencyPath"), w));
            if (!MerkleProofs.verifyConsistency(cp, h.rootHash(), head.rootHash())) {
                out.add(new String[] {w, "the log signed at " + h.signedAt() + " (" + h.treeSize()
                        + " entries) is not a prefix of the exported log: history was rewritten"});
            }
        }
        return out;
    }

    private static List<Sha256> hashes(JsonNode arr, String w) {
        if (arr == null || !arr.isArray()) {
            throw new EvidenceException(w + ": path must be an array of hex hashes");
        }
        List<Sha256> out = new ArrayList<>();
        for (JsonNode n : arr) {
            if (!n.isTextual()) {
                throw new EvidenceException(w + ": path entries must be hex strings");
            }
            out.add(Sha256.parse(n.textValue()));
        }
        return out;
    }
}
