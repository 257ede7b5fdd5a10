package io.offsite.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A case's append-only custody log, hash-linked as an RFC 6962 Merkle tree. Appends are O(log n) (leaf
 * hashes and complete subtrees are kept); roots and proofs for any earlier size are O(log n). Entries must
 * come in time order. Thread-safe. Usually reached through {@link EvidenceChain}; usable on its own.
 */
public final class CustodyLog {
    private final List<CustodyEntry> entries = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree();
    private final boolean ownedByChain;

    /** An empty stand-alone log. */
    public static CustodyLog create() {
        return new CustodyLog(false);
    }

    /** A log that only its {@link EvidenceChain} may append to (so every entry is journaled). */
    static CustodyLog ownedByChain() {
        return new CustodyLog(true);
    }

    private CustodyLog(boolean ownedByChain) {
        this.ownedByChain = ownedByChain;
    }

    /**
     * Appends an entry and returns it. Rejects an entry dated before the previous one (the log is the
     * order things happened in; a late report must carry the time it is recorded).
     */
    public synchronized CustodyEntry append(Instant at, String actor, CustodyAction action, Optional<String> itemId,
            Optional<Sha256> itemSha256, String detail) {
        if (ownedByChain) {
            throw new EvidenceException("this custody log belongs to an EvidenceChain; record actions through the"
                    + " chain so they are journaled");
        }
        CustodyEntry e = prepare(at, actor, action, itemId, itemSha256, detail);
        commit(e);
        return e;
    }

    /** The entry that would be appended next (validated, not yet appended). */
    synchronized CustodyEntry prepare(Instant at, String actor, CustodyAction action, Optional<String> itemId,
            Optional<Sha256> itemSha256, String detail) {
        return prepare(at, actor, action, itemId, itemSha256, detail, new java.util.TreeMap<>());
    }

    /** As {@link #prepare(Instant, String, CustodyAction, Optional, Optional, String)}, sealing item fields. */
    synchronized CustodyEntry prepare(Instant at, String actor, CustodyAction action, Optional<String> itemId,
            Optional<Sha256> itemSha256, String detail, java.util.SortedMap<String, Sha256> sealedFields) {
        Objects.requireNonNull(at, "at");
        requireInOrder(at);
        return new CustodyEntry(entries.size(), at, actor, action, itemId, itemSha256, detail, sealedFields);
    }

    /** Appends a prepared or replayed entry; it must be next in sequence and in time order. */
    synchronized void commit(CustodyEntry e) {
        if (e.seq() != entries.size()) {
            throw new EvidenceException("custody entry has seq " + e.seq() + " but the log expects " + entries.size());
        }
        requireInOrder(e.at());
        tree.appendLeafHash(MerkleProofs.leafHash(e.canonicalBytes()).rawBytes());
        entries.add(e);
    }

    private void requireInOrder(Instant at) {
        if (!entries.isEmpty() && at.isBefore(entries.get(entries.size() - 1).at())) {
            throw new EvidenceException("custody entry at " + at + " is earlier than the last entry ("
                    + entries.get(entries.size() - 1).at() + "); entries are appended in time order");
        }
    }

    /** Number of entries. */
    public synchronized long size() {
        return entries.size();
    }

    /** A snapshot of all entries in order. */
    public synchronized List<CustodyEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entry at {@code seq}. */
    public synchronized CustodyEntry entry(long seq) {
        if (seq < 0 || seq >= entries.size()) {
            throw new EvidenceException("no custody entry " + seq + "; the log has " + entries.size());
        }
        return entries.get((int) seq);
    }

    /** The current root hash (RFC 6962 MTH of all entries). */
    public synchronized Sha256 root() {
        return Sha256.of(tree.root(tree.size()));
    }

    /** The root hash the log had when it held {@code size} entries. */
    public synchronized Sha256 rootAt(long size) {
        return Sha256.of(tree.root(size));
    }

    /** The leaf hash of entry {@code seq}. */
    public synchronized Sha256 leafHash(long seq) {
        entry(seq);
        return Sha256.of(tree.leafHash(seq));
    }

    /** Proof that entry {@code seq} is in the log of {@code treeSize} entries. */
    public synchronized InclusionProof inclusionProof(long seq, long treeSize) {
        return new InclusionProof(seq, treeSize, toSha(tree.inclusionPath(seq, treeSize)));
    }

    /** Proof that the log of {@code firstSize} entries is a prefix of the log of {@code secondSize}. */
    public synchronized ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        return new ConsistencyProof(firstSize, secondSize, toSha(tree.consistencyPath(firstSize, secondSize)));
    }

    private static List<Sha256> toSha(List<byte[]> path) {
        List<Sha256> out = new ArrayList<>(path.size());
        for (byte[] b : path) {
            out.add(Sha256.of(b));
        }
        return out;
    }
}
