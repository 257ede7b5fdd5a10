package io.offsite.evidence;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * RFC 6962 §2.1 hashing and the RFC 9162 §2.1.3.2 / §2.1.4.2 proof-verification algorithms, so that an
 * outsider can check a custody log without trusting whoever runs it. Leaf hash = SHA-256(0x00‖entry),
 * node hash = SHA-256(0x01‖left‖right). Stateless and thread-safe.
 */
public final class MerkleProofs {
    private MerkleProofs() {
    }

    /** SHA-256(0x00 ‖ entry). */
    public static Sha256 leafHash(byte[] entry) {
        MessageDigest d = Sha256.newDigest();
        d.update((byte) 0);
        return Sha256.of(d.digest(entry));
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static Sha256 nodeHash(Sha256 left, Sha256 right) {
        return Sha256.of(nodeHash(Sha256.newDigest(), left.rawBytes(), 0, right.rawBytes(), 0));
    }

    static byte[] nodeHash(MessageDigest d, byte[] l, int lOff, byte[] r, int rOff) {
        d.reset();
        d.update((byte) 1);
        d.update(l, lOff, 32);
        d.update(r, rOff, 32);
        return d.digest();
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Checks that {@code leafHash} is leaf {@code proof.leafIndex()} of the tree of {@code proof.treeSize()}
     * leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
     */
    public static boolean verifyInclusion(InclusionProof proof, Sha256 leafHash, Sha256 root) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        Sha256 r = leafHash;
        for (Sha256 p : proof.path()) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }

    /**
     * Checks that the tree with root {@code firstRoot} is a prefix of the tree with root
     * {@code secondRoot} (RFC 9162 §2.1.4.2).
     */
    public static boolean verifyConsistency(ConsistencyProof proof, Sha256 firstRoot, Sha256 secondRoot) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(firstRoot, "firstRoot");
        Objects.requireNonNull(secondRoot, "secondRoot");
        long m = proof.firstSize();
        long n = proof.secondSize();
        List<Sha256> path = proof.path();
        if (m == n) {
            return path.isEmpty() && firstRoot.equals(secondRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        int start = 0;
        Sha256 first = path.get(0);
        if (Long.bitCount(m) == 1) {
            first = firstRoot; // "prepend first_hash to the consistency path"
            start = -1;
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Sha256 fr = first;
        Sha256 sr = first;
        for (int i = start + 1; i < path.size(); i++) {
            Sha256 c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return fr.equals(firstRoot) && sr.equals(secondRoot) && sn == 0;
    }
}
