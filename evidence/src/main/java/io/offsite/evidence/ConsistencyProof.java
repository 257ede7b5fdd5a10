package io.offsite.evidence;

import java.util.List;
import java.util.Objects;

/**
 * An RFC 6962/9162 consistency proof that the tree of {@code firstSize} leaves is a prefix of the tree
 * of {@code secondSize} leaves (nothing was changed or removed, only appended). Check it with
 * {@link MerkleProofs#verifyConsistency}.
 *
 * @param firstSize  size of the older tree, &gt; 0
 * @param secondSize size of the newer tree, &ge; firstSize
 * @param path       the proof hashes
 */
public record ConsistencyProof(long firstSize, long secondSize, List<Sha256> path) {
    public ConsistencyProof {
        Objects.requireNonNull(path, "path");
        path = List.copyOf(path);
        if (firstSize <= 0 || firstSize > secondSize) {
            throw new EvidenceException("consistency proof needs 0 < firstSize <= secondSize, got " + firstSize
                    + " and " + secondSize);
        }
    }
}
