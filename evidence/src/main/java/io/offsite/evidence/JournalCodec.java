package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** One parsed record: exactly one of the optional parts is set, per {@code type}. */
    record Parsed(String type, JsonNode node) {
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
