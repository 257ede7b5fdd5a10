package io.offsite.evidence;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only RFC 6962 §2.1 Merkle tree over leaf hashes. It keeps, for every level k, the hashes of
 * all complete, aligned subtrees of 2^k leaves, so an append costs amortised one node hash (worst
 * O(log n)) and every root, inclusion path and consistency path is O(log n). Not thread-safe: the owner
 * ({@link CustodyLog}) synchronises.
 */
final class MerkleTree {
    private final List<HashArray> levels = new ArrayList<>();
    private final MessageDigest digest = Sha256.newDigest();

    MerkleTree() {
        levels.add(new HashArray());
    }

    long size() {
        return levels.get(0).size();
    }

    /** Appends an already computed leaf hash (see {@link MerkleProofs#leafHash(byte[])}). */
    void appendLeafHash(byte[] leafHash) {
        HashArray leaves = levels.get(0);
        leaves.add(leafHash, 0);
        long idx = leaves.size() - 1;
        int k = 0;
        while ((idx & 1) == 1) {
            HashArray level = levels.get(k);
            if (levels.size() == k + 1) {
                levels.add(new HashArray());
            }
            byte[] parent = MerkleProofs.nodeHash(digest, level.array(idx - 1), level.offset(idx - 1),
                    level.array(idx), level.offset(idx));
            levels.get(k + 1).add(parent, 0);
            idx >>= 1;
            k++;
        }
    }

    byte[] leafHash(long index) {
        return levels.get(0).get(index);
    }

    /** MTH(D[0:size]); the empty tree's hash is SHA-256 of the empty string. */
    byte[] root(long size) {
        checkSize(size);
        if (size == 0) {
            digest.reset();
            return digest.digest();
        }
        return subtree(0, size);
    }

    /** MTH(D[start:end]) for start < end. */
    private byte[] subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(start >> level);
        }
        long k = MerkleProofs.largestPowerOfTwoBelow(n);
        byte[] left = subtree(start, start + k);
        byte[] right = subtree(start + k, end);
        return MerkleProofs.nodeHash(digest, left, 0, right, 0);
    }

    /** RFC 6962 PATH(m, D[0:size]). */
    List<byte[]> inclusionPath(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new EvidenceException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> out = new ArrayList<>();
        path(index, 0, size, out);
        return out;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = MerkleProofs.largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(subtree(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(subtree(start, start + k));
        }
    }

    /** RFC 6962 PROOF(m, D[0:size]) for 0 < m <= size. */
    List<byte[]> consistencyPath(long m, long size) {
        checkSize(size);
        if (m <= 0 || m > size) {
            throw new EvidenceException("consistency proof needs 0 < first size <= second size, got first "
                    + m + ", second " + size);
        }
        List<byte[]> out = new ArrayList<>();
        subproof(m, 0, size, true, out);
        return out;
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(subtree(start, end));
            }
            return;
        }
        long k = MerkleProofs.largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtree(start, start + k));
        }
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new EvidenceException("tree size " + size + " is outside 0.." + size());
        }
    }

    /**
     * A growable array of 32-byte hashes in 1 MiB chunks (no per-hash object). The first chunk starts at 64 hashes
     * and doubles up to a full chunk, so the many small logs of a case store (a case has tens of entries) do not each
     * hold a megabyte.
     */
    private static final class HashArray {
        private static final int PER_CHUNK = 1 << 15;
        private static final int FIRST = 64;
        private final List<byte[]> chunks = new ArrayList<>();
        private long size;

        long size() {
            return size;
        }

        void add(byte[] hash, int off) {
            int within = (int) (size % PER_CHUNK);
            if (chunks.isEmpty()) {
                chunks.add(new byte[FIRST * 32]);
            } else if (within == 0) {
                chunks.add(new byte[PER_CHUNK * 32]);
            } else if (chunks.size() == 1 && within * 32 == chunks.get(0).length) {
                chunks.set(0, java.util.Arrays.copyOf(chunks.get(0), Math.min(PER_CHUNK, within * 2) * 32));
            }
            System.arraycopy(hash, off, chunks.get(chunks.size() - 1), within * 32, 32);
            size++;
        }

        byte[] array(long i) {
            return chunks.get((int) (i / PER_CHUNK));
        }

        int offset(long i) {
            return (int) (i % PER_CHUNK) * 32;
        }

        byte[] get(long i) {
            int off = offset(i);
            return Arrays.copyOfRange(array(i), off, off + 32);
        }
    }
}
