package io.offsite.evidence;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 6962/9162 inclusion proof: the audit path showing that leaf {@code leafIndex} is in the tree of
 * {@code treeSize} leaves. Check it with {@link MerkleProofs#verifyInclusion}.
 *
 * @param leafIndex 0-based index of the leaf
 * @param treeSize  size of the tree the path leads to
 * @param path      sibling hashes from the leaf upwards
 */
public record InclusionProof(long leafIndex, long treeSize, List<Sha256> path) {
    public InclusionProof {
        Objects.requireNonNull(path, "path");
        path = List.copyOf(path);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new EvidenceException("inclusion proof: leaf index " + leafIndex + " must be within 0.."
                    + (treeSize - 1));
        }
    }
}
