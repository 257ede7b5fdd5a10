package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {

    /** RFC 6962 §2.1 MTH written directly from the definition, as an oracle. */
    static byte[] naiveRoot(List<byte[]> entries) {
        MessageDigest d = Sha256.newDigest();
        if (entries.isEmpty()) {
            return d.digest();
        }
        if (entries.size() == 1) {
            d.update((byte) 0);
            return d.digest(entries.get(0));
        }
        int k = Integer.highestOneBit(entries.size() - 1);
        byte[] l = naiveRoot(entries.subList(0, k));
        byte[] r = naiveRoot(entries.subList(k, entries.size()));
        d.update((byte) 1);
        d.update(l);
        return d.digest(r);
    }

    static List<byte[]> entries(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(("entry-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static MerkleTree tree(List<byte[]> entries) {
        MerkleTree t = new MerkleTree();
        for (byte[] e : entries) {
            t.appendLeafHash(MerkleProofs.leafHash(e).bytes());
        }
        return t;
    }

    @Test
    void emptyTreeRoot_isHashOfEmptyString() {
        assertThat(Sha256.of(new MerkleTree().root(0)).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootAtEverySize_matchesRfc6962Definition() {
        List<byte[]> all = entries(70);
        MerkleTree t = tree(all);
        for (int n = 0; n <= 70; n++) {
            assertThat(t.root(n)).as("size %d", n).isEqualTo(naiveRoot(all.subList(0, n)));
        }
    }

    @Test
    void inclusionProof_verifiesForEveryIndexAndSize() {
        qt().forAll(integers().between(1, 70), integers().between(0, 69))
                .checkAssert((n, raw) -> {
                    int i = raw % n;
                    List<byte[]> all = entries(n);
                    CustodyLikeTree t = new CustodyLikeTree(all);
                    for (int size = i + 1; size <= n; size++) {
                        InclusionProof p = t.inclusion(i, size);
                        assertThat(MerkleProofs.verifyInclusion(p, MerkleProofs.leafHash(all.get(i)), t.root(size)))
                                .as("index %d size %d", i, size).isTrue();
                    }
                });
    }

    @Test
    void inclusionProof_exhaustiveUpTo40_andRejectsWrongLeafIndexOrRoot() {
        List<byte[]> all = entries(40);
        CustodyLikeTree t = new CustodyLikeTree(all);
        for (int size = 1; size <= 40; size++) {
            Sha256 root = t.root(size);
            for (int i = 0; i < size; i++) {
                InclusionProof p = t.inclusion(i, size);
                Sha256 leaf = MerkleProofs.leafHash(all.get(i));
                assertThat(MerkleProofs.verifyInclusion(p, leaf, root)).isTrue();
                Sha256 other = MerkleProofs.leafHash(all.get((i + 1) % 40));
                assertThat(MerkleProofs.verifyInclusion(p, other, root)).isFalse();
                if (size > 1) {
                    InclusionProof moved = new InclusionProof((i + 1) % size, size, p.path());
                    assertThat(MerkleProofs.verifyInclusion(moved, leaf, root)).as("i %d size %d", i, size).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(p, leaf, t.root(size == 40 ? 1 : size + 1))).isFalse();
            }
        }
    }

    @Test
    void consistencyProof_verifiesForEveryPairOfSizes_andRejectsTampering() {
        List<byte[]> all = entries(70);
        CustodyLikeTree t = new CustodyLikeTree(all);
        for (int n = 1; n <= 70; n++) {
            for (int m = 1; m <= n; m++) {
                ConsistencyProof p = t.consistency(m, n);
                assertThat(MerkleProofs.verifyConsistency(p, t.root(m), t.root(n))).as("m %d n %d", m, n).isTrue();
                if (m < n) {
                    assertThat(MerkleProofs.verifyConsistency(p, t.root(m - 1 == 0 ? n : m - 1), t.root(n)))
                            .isFalse();
                    for (int j = 0; j < p.path().size(); j++) {
                        List<Sha256> bad = new ArrayList<>(p.path());
                        byte[] b = bad.get(j).bytes();
                        b[0] ^= 1;
                        bad.set(j, Sha256.of(b));
                        assertThat(MerkleProofs.verifyConsistency(new ConsistencyProof(m, n, bad), t.root(m),
                                t.root(n))).as("m %d n %d flipped %d", m, n, j).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void consistencyProof_ofRewrittenHistory_fails() {
        List<byte[]> all = entries(20);
        CustodyLikeTree honest = new CustodyLikeTree(all);
        List<byte[]> rewritten = new ArrayList<>(all);
        rewritten.set(3, "forged".getBytes(StandardCharsets.UTF_8));
        CustodyLikeTree forged = new CustodyLikeTree(rewritten);
        for (int m = 4; m < 20; m++) {
            ConsistencyProof p = forged.consistency(m, 20);
            assertThat(MerkleProofs.verifyConsistency(p, honest.root(m), forged.root(20))).isFalse();
        }
    }

    @Test
    void custodyLog_rejectsOutOfOrderTimes_andProofOutsideTree() {
        CustodyLog log = CustodyLog.create();
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        log.append(t0, "officer-1", CustodyAction.VIEWED, Optional.empty(), Optional.empty(), "");
        assertThatThrownBy(() -> log.append(t0.minusSeconds(1), "officer-1", CustodyAction.VIEWED, Optional.empty(),
                Optional.empty(), "")).isInstanceOf(EvidenceException.class).hasMessageContaining("earlier than");
        assertThat(log.size()).isEqualTo(1);
        assertThatThrownBy(() -> log.inclusionProof(1, 1)).isInstanceOf(EvidenceException.class);
        assertThatThrownBy(() -> log.consistencyProof(1, 2)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void custodyLogRoot_equalsRootOfCanonicalEntries() {
        CustodyLog log = CustodyLog.create();
        Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
        for (int i = 0; i < 9; i++) {
            log.append(t0.plusSeconds(i), "officer-" + i, CustodyAction.VIEWED, Optional.empty(), Optional.empty(),
                    "note \"" + i + "\"\n");
        }
        List<byte[]> canon = new ArrayList<>();
        for (CustodyEntry e : log.entries()) {
            canon.add(e.canonicalBytes());
        }
        assertThat(log.root().bytes()).isEqualTo(naiveRoot(canon));
        assertThat(new String(canon.get(0), StandardCharsets.UTF_8)).isEqualTo(
                "{\"action\":\"VIEWED\",\"actor\":\"officer-0\",\"at\":\"2026-03-01T08:00:00Z\","
                        + "\"detail\":\"note \\\"0\\\"\\n\",\"seq\":0}");
        assertThat(Arrays.equals(log.rootAt(3).bytes(), naiveRoot(canon.subList(0, 3)))).isTrue();
    }

    /** Wraps the tree so tests speak in {@link Sha256}. */
    static final class CustodyLikeTree {
        private final MerkleTree t;

        CustodyLikeTree(List<byte[]> entries) {
            t = tree(entries);
        }

        Sha256 root(int size) {
            return Sha256.of(t.root(size));
        }

        InclusionProof inclusion(int i, int size) {
            return new InclusionProof(i, size, t.inclusionPath(i, size).stream().map(Sha256::of).toList());
        }

        ConsistencyProof consistency(int m, int n) {
            return new ConsistencyProof(m, n, t.consistencyPath(m, n).stream().map(Sha256::of).toList());
        }
    }
}
