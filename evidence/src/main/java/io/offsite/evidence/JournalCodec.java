package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offsite.evidence.spi.BlobStore;
import io.offsite.evidence.spi.SigningKeys;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The records an {@link EvidenceChain} writes to its {@link io.offsite.evidence.spi.ChainJournal}. */
final class JournalCodec {
    static final String CASE = "case";
    static final String ENTRY = "entry";
    static final String HEAD = "head";

    private JournalCodec() {
    }

    static byte[] caseRecord(String caseId, String violationCode) {
        ObjectNode o = CanonicalJson.object();
        o.put("t", CASE);
        o.put("caseId", caseId);
        o.put("violationCode", violationCode);
        return CanonicalJson.write(o);
    }

    static byte[] entryRecord(CustodyEntry e, Optional<EvidenceItem> item) {
        ObjectNode o = CanonicalJson.object();
        o.put("t", ENTRY);
        o.set("entry", e.toJson());
        item.ifPresent(i -> o.set("item", ManifestCodec.itemToJson(i)));
        return CanonicalJson.write(o);
    }

    static byte[] headRecord(SignedTreeHead h) {
        ObjectNode o = CanonicalJson.object();
        o.put("t", HEAD);
        o.set("head", h.toJson());
        return CanonicalJson.write(o);
    }

    /** One parsed record: its type and JSON. */
    record Parsed(String type, JsonNode node) {
    }

    /** Receives replayed state. */
    interface Sink {
        void item(EvidenceItem item, long seq);

        void sealed();

        void head(SignedTreeHead head, PublicKey key);
    }

    /** Replays journal records into {@code log} and {@code sink}, refusing anything inconsistent. */
    static void replay(List<byte[]> records, String caseId, String violationCode, BlobStore store, SigningKeys keys,
            CustodyLog log, Sink sink) {
        List<Integer> recordOfEntry = new ArrayList<>(); // 1-based journal record of each custody entry
        long verifiedSize = 0; // entries below this size are covered by a head that matched
        for (int i = 0; i < records.size(); i++) {
            Parsed r = parse(records.get(i), i + 1);
            String where = "chain journal record " + (i + 1);
            JsonNode o = r.node();
            switch (r.type()) {
                case CASE -> {
                    if (i != 0 || !caseId.equals(Json.requireText(o, "caseId", where))
                            || !violationCode.equals(Json.requireText(o, "violationCode", where))) {
                        throw new EvidenceException(where + ": journal belongs to case " + o.get("caseId") + " ("
                                + o.get("violationCode") + "), not " + caseId + " (" + violationCode + ")");
                    }
                }
                case ENTRY -> {
                    CustodyEntry e = CustodyEntry.fromJson(Json.require(o, "entry", where), where);
                    Optional<EvidenceItem> item = Optional.ofNullable(o.get("item"))
                            .map(n -> ManifestCodec.itemFromJson(n, where + " item"));
                    if (item.isEmpty() && !e.sealedFields().isEmpty()) {
                        throw new EvidenceException(where + ": the entry seals item " + e.itemId().orElse("?")
                                + " but the record carries no item; the journal was altered");
                    }
                    if (item.isPresent()) {
                        List<String> changed = ItemSeal.diff(e.sealedFields(), item.get());
                        if (!changed.isEmpty()) {
                            throw new EvidenceException(where + ": item " + item.get().id() + " does not match the"
                                    + " metadata sealed in its custody entry: " + String.join(", ", changed)
                                    + "; the journal was altered");
                        }
                    }
                    if (item.isPresent() && (!e.itemId().equals(Optional.of(item.get().id()))
                            || !e.itemSha256().equals(Optional.of(item.get().sha256())))) {
                        throw new EvidenceException(where + ": item does not match its custody entry");
                    }
                    item.ifPresent(it -> {
                        if (store.find(it.sha256()).isEmpty()) {
                            throw new EvidenceException(where + ": item " + it.id() + " needs blob " + it.sha256()
                                    + " which the blob store does not have");
                        }
                    });
                    log.commit(e);
                    recordOfEntry.add(i + 1);
                    item.ifPresent(it -> sink.item(it, e.seq()));
                    if (e.action() == CustodyAction.SEALED) {
                        sink.sealed();
                    }
                }
                default -> {
                    SignedTreeHead h = SignedTreeHead.fromJson(Json.require(o, "head", where), where);
                    PublicKey pub = keys.publicKey(h.keyId()).orElseThrow(() -> new EvidenceException(where
                            + ": head signed with key " + h.keyId() + " which the signing keys no longer know"));
                    checkHead(h, pub, caseId, log, verifiedSize, recordOfEntry, where);
                    verifiedSize = Math.max(verifiedSize, h.treeSize());
                    sink.head(h, pub);
                }
            }
        }
    }

    /**
     * Checks a journaled head against the rebuilt log. When the roots differ, names the custody entries (and
     * their journal records) that can hold the change: those the last matching head did not already cover.
     */
    private static void checkHead(SignedTreeHead h, PublicKey pub, String caseId, CustodyLog log, long verifiedSize,
            List<Integer> recordOfEntry, String where) {
        String head = where + ": signed head (size " + h.treeSize() + ")";
        if (!h.caseId().equals(caseId)) {
            throw new EvidenceException(head + " is for case " + h.caseId() + ", not " + caseId
                    + ": the journal was altered");
        }
        if (h.treeSize() > log.size()) {
            throw new EvidenceException(head + " covers more custody entries than the " + log.size()
                    + " journaled before it: entries were removed, the journal was altered");
        }
        if (!h.verifySignature(pub)) {
            throw new EvidenceException(head + " has a signature key " + h.keyId() + " rejects: the head was"
                    + " altered, the journal was altered");
        }
        if (!log.rootAt(h.treeSize()).equals(h.rootHash())) {
            long from = verifiedSize;
            long to = h.treeSize() - 1;
            String entries = from > to ? "the head's root itself"
                    : from == to
                    ? "custody entry " + from + " (journal record " + recordOfEntry.get((int) from) + ")"
                    : "one of custody entries " + from + "-" + to + " (journal records " + recordOfEntry.get((int) from)
                            + "-" + recordOfEntry.get((int) to) + ")";
            throw new EvidenceException(head + " does not match the journaled log: the Merkle root of its "
                    + h.treeSize() + " entries is " + log.rootAt(h.treeSize()) + " but the head signed " + h.rootHash()
                    + "; " + entries + " was changed since it was signed: the journal was altered");
        }
    }

    static Parsed parse(byte[] record, int lineNo) {
        String where = "chain journal record " + lineNo;
        JsonNode o = CanonicalJson.parseCanonical(record, where);
        String t = Json.requireText(o, "t", where);
        switch (t) {
            case CASE -> Json.allowOnly(o, where, "t", "caseId", "violationCode");
            case ENTRY -> Json.allowOnly(o, where, "t", "entry", "item");
            case HEAD -> Json.allowOnly(o, where, "t", "head");
            default -> throw new EvidenceException(where + ": unknown record type \"" + t + "\"");
        }
        return new Parsed(t, o);
    }
}
