package io.offsite.evidence;

import io.offsite.evidence.VerificationProblem.Kind;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Re-reads a bundle's custody log line by line, rebuilds the Merkle tree from the exact bytes, and cross-checks it
 * against the signed head and the manifest's items. Streams: keeps the tree's hashes and, per item, the line that
 * added it — never all entries; an item's full metadata is re-read from the manifest only when its entry is met.
 */
final class CustodyLogCheck {
    private static final String W = ManifestCodec.LOG;

    private CustodyLogCheck() {
    }

    /** Checks {@code raw}, reports to {@code sink} and returns the rebuilt tree (for the proof check). */
    static MerkleTree check(byte[] raw, BundleModel model, ProblemSink sink) {
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            sink.add(Kind.CUSTODY_LOG, W, "the last line is not terminated: the log was truncated or altered");
        }
        MerkleTree tree = new MerkleTree();
        MessageDigest leaf = Sha256.newDigest();
        Map<String, Long> added = new HashMap<>();
        CustodyEntry previous = null;
        long line = 0;
        for (int start = 0; start < raw.length; line++) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            leaf.reset();
            leaf.update((byte) 0);
            leaf.update(raw, start, end - start);
            tree.appendLeafHash(leaf.digest());
            String where = W + " line " + (line + 1);
            CustodyEntry e = null;
            try {
                e = CustodyEntry.fromJson(CanonicalJson.parseCanonical(raw, start, end - start, where), where);
            } catch (OverLimitException ex) {
                throw ex;
            } catch (EvidenceException ex) {
                sink.add(Kind.CUSTODY_LOG, where, ex.getMessage());
            }
            start = end + 1;
            if (e == null) {
                continue;
            }
            if (e.seq() != line) {
                sink.add(Kind.CUSTODY_LOG, where, "entry has seq " + e.seq() + " but is at position " + line
                        + ": entries were removed, inserted or reordered");
            }
            if (previous != null && e.at().isBefore(previous.at())) {
                sink.add(Kind.CUSTODY_LOG, where, "entry dated " + e.at() + " follows one dated " + previous.at()
                        + ": entries were reordered");
            }
            previous = e;
            if ((e.action() == CustodyAction.ADDED || e.action() == CustodyAction.DERIVED) && e.itemId().isPresent()) {
                if (added.putIfAbsent(e.itemId().get(), line) != null) {
                    sink.add(Kind.CUSTODY_LOG, where, "item " + e.itemId().get() + " is added twice");
                } else {
                    checkItem(e, model, line, sink);
                }
            }
        }
        SignedTreeHead head = model.head();
        if (line != head.treeSize()) {
            sink.add(Kind.CUSTODY_LOG, W, "log has " + line + " entries but the signed head covers " + head.treeSize()
                    + ": entries were " + (line < head.treeSize() ? "removed" : "added"));
        } else if (!Sha256.of(tree.root(tree.size())).equals(head.rootHash())) {
            sink.add(Kind.CUSTODY_LOG, W, "Merkle root of the log is " + Sha256.of(tree.root(tree.size()))
                    + " but the signed head says " + head.rootHash() + ": an entry was changed or reordered");
        }
        for (BundleModel.ItemRef item : model.items().values()) {
            if (!added.containsKey(item.id())) {
                sink.add(Kind.CUSTODY_LOG, W, "item " + item.id() + " has no ADDED or DERIVED entry in the log");
            }
            item.derivedFrom().ifPresent(o -> {
                if (!model.items().containsKey(o)) {
                    sink.add(Kind.ITEM_MISSING, ManifestCodec.ITEMS_DIR + o, "original " + o + " of derived item "
                            + item.id() + " is not in the bundle");
                }
            });
        }
        for (Map.Entry<String, Long> a : added.entrySet()) {
            if (!model.items().containsKey(a.getKey())) {
                sink.add(Kind.ITEM_MISSING, ManifestCodec.ITEMS_DIR + a.getKey(), "log line " + (a.getValue() + 1)
                        + " records item " + a.getKey() + " but the bundle does not contain it");
            }
        }
        return tree;
    }

    private static void checkItem(CustodyEntry e, BundleModel model, long line, ProblemSink sink) {
        BundleModel.ItemRef item = model.items().get(e.itemId().get());
        if (item == null) {
            return; // reported after the loop as missing
        }
        String where = W + " line " + (line + 1);
        if (!e.itemSha256().get().equals(item.sha256())) {
            sink.add(Kind.CUSTODY_LOG, where, "item " + item.id() + " was logged with hash " + e.itemSha256().get()
                    + " but the manifest says " + item.sha256());
        } else if ((e.action() == CustodyAction.DERIVED) != item.derivedFrom().isPresent()) {
            sink.add(Kind.CUSTODY_LOG, where, "item " + item.id()
                    + ": log and manifest disagree on whether it is a derived copy");
        }
        for (String change : ItemSeal.diff(e.sealedFields(), model.item(item))) {
            sink.add(Kind.CUSTODY_LOG, ManifestCodec.MANIFEST + " item " + item.id(), "item " + item.id() + ": "
                    + change + " since it was sealed in custody log line " + (line + 1));
        }
    }
}
