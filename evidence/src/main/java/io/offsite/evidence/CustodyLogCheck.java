package io.offsite.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-reads a bundle's custody log line by line, rebuilds the Merkle tree from the exact bytes, and
 * cross-checks it against the signed head and the manifest's items.
 */
record CustodyLogCheck(List<byte[]> lines, List<String[]> problems, List<String[]> missingItems) {
    private static final String W = ManifestCodec.LOG;

    static CustodyLogCheck check(byte[] raw, BundleModel model) {
        List<String[]> problems = new ArrayList<>();
        List<String[]> missing = new ArrayList<>();
        List<byte[]> lines = new ArrayList<>();
        if (raw.length > 0 && raw[raw.length - 1] != '\n') {
            problems.add(new String[] {W, "the last line is not terminated: the log was truncated or altered"});
        }
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                lines.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            lines.add(Arrays.copyOfRange(raw, start, raw.length));
        }
        MerkleTree tree = new MerkleTree();
        List<CustodyEntry> entries = new ArrayList<>();
        CustodyEntry previous = null;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            tree.appendLeafHash(MerkleProofs.leafHash(line).rawBytes());
            String where = W + " line " + (i + 1);
            CustodyEntry e;
            try {
                e = CustodyEntry.fromJson(CanonicalJson.parseCanonical(line, where), where);
            } catch (EvidenceException ex) {
                problems.add(new String[] {where, ex.getMessage()});
                entries.add(null);
                continue;
            }
            if (e.seq() != i) {
                problems.add(new String[] {where, "entry has seq " + e.seq() + " but is at position " + i
                        + ": entries were removed, inserted or reordered"});
            }
            if (previous != null && e.at().isBefore(previous.at())) {
                problems.add(new String[] {where, "entry dated " + e.at() + " follows one dated " + previous.at()
                        + ": entries were reordered"});
            }
            previous = e;
            entries.add(e);
        }
        SignedTreeHead head = model.head();
        if (lines.size() != head.treeSize()) {
            problems.add(new String[] {W, "log has " + lines.size() + " entries but the signed head covers "
                    + head.treeSize() + ": entries were " + (lines.size() < head.treeSize() ? "removed" : "added")});
        } else if (!Sha256.of(tree.root(tree.size())).equals(head.rootHash())) {
            problems.add(new String[] {W, "Merkle root of the log is " + Sha256.of(tree.root(tree.size()))
                    + " but the signed head says " + head.rootHash() + ": an entry was changed or reordered"});
        }
        Map<String, CustodyEntry> adds = new HashMap<>();
        for (CustodyEntry e : entries) {
            if (e != null && (e.action() == CustodyAction.ADDED || e.action() == CustodyAction.DERIVED)
                    && e.itemId().isPresent()) {
                if (adds.putIfAbsent(e.itemId().get(), e) != null) {
                    problems.add(new String[] {W + " line " + (e.seq() + 1), "item " + e.itemId().get()
                            + " is added twice"});
                }
            }
        }
        Map<String, EvidenceItem> byId = new HashMap<>();
        model.items().forEach(i -> byId.put(i.id(), i));
        for (EvidenceItem item : model.items()) {
            CustodyEntry e = adds.get(item.id());
            if (e == null) {
                problems.add(new String[] {W, "item " + item.id() + " has no ADDED or DERIVED entry in the log"});
            } else if (!e.itemSha256().get().equals(item.sha256())) {
                problems.add(new String[] {W + " line " + (e.seq() + 1), "item " + item.id() + " was logged with hash "
                        + e.itemSha256().get() + " but the manifest says " + item.sha256()});
            } else if ((e.action() == CustodyAction.DERIVED) != item.derivedFrom().isPresent()) {
                problems.add(new String[] {W + " line " + (e.seq() + 1), "item " + item.id()
                        + ": log and manifest disagree on whether it is a derived copy"});
            }
            if (e != null) {
                for (String change : ItemSeal.diff(e.sealedFields(), item)) {
                    problems.add(new String[] {ManifestCodec.MANIFEST + " item " + item.id(), "item " + item.id() + ": "
                            + change + " since it was sealed in custody log line " + (e.seq() + 1)});
                }
            }
            item.derivedFrom().ifPresent(o -> {
                if (!byId.containsKey(o)) {
                    missing.add(new String[] {ManifestCodec.ITEMS_DIR + o, "original " + o + " of derived item "
                            + item.id() + " is not in the bundle"});
                }
            });
        }
        for (Map.Entry<String, CustodyEntry> a : adds.entrySet()) {
            if (!byId.containsKey(a.getKey())) {
                missing.add(new String[] {ManifestCodec.ITEMS_DIR + a.getKey(), "log line " + (a.getValue().seq() + 1)
                        + " records item " + a.getKey() + " but the bundle does not contain it"});
            }
        }
        return new CustodyLogCheck(lines, problems, missing);
    }
}
