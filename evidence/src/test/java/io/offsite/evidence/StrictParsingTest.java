package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.6/11.7: everything the evidence module reads (manifest items, custody entries, tree heads, journal
 * records, completeness rules) is parsed strictly and boundedly, and every refusal is an {@link EvidenceException}
 * naming where (document, entry, JSON field, byte offset) and why. One test per finding class.
 */
class StrictParsingTest {
    private static final String W = "manifest.json items[3]";

    private static ObjectNode item() {
        return ManifestCodec.itemToJson(new EvidenceItem("item-0001", Fixtures.still(Fixtures.T0, true),
                Sha256.hash(new byte[] {1}), 1, Optional.empty(), Optional.empty()));
    }

    private static ObjectNode entry() {
        return new CustodyEntry(4, Fixtures.T0, "officer-7", CustodyAction.VIEWED, Optional.of("item-0001"),
                Optional.of(Sha256.hash(new byte[] {1})), "").toJson();
    }

    private static String text(JsonNode n) {
        return new String(CanonicalJson.write(n), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        return CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8), "manifest.json");
    }

    @Test
    void validItem_roundTrips() {
        assertThat(ManifestCodec.itemToJson(ManifestCodec.itemFromJson(item(), W))).isEqualTo(item());
    }

    @Test
    void duplicateKey_isRefused_namingTheKeyAndOffset() {
        String json = text(item()).replace("{\"capturedAt\"", "{\"kind\":\"STILL\",\"capturedAt\"");
        assertThatThrownBy(() -> parse(json)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("manifest.json is not valid JSON at byte").hasMessageContaining("'kind'");
    }

    @Test
    void trailingContent_isRefused_bothGarbageAndASecondDocument() {
        assertThatThrownBy(() -> parse(text(item()) + "x")).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("not valid JSON at byte");
        assertThatThrownBy(() -> parse(text(item()) + text(item()))).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void nestingDeeperThanTheLimit_isOverLimit() {
        String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 1) + "]".repeat(CanonicalJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(OverLimitException.class)
                .hasMessageContaining("nesting depth");
        assertThat(parse("[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH))).isNotNull();
    }

    @Test
    void numberLongerThanTheLimit_isOverLimit() {
        assertThatThrownBy(() -> parse("{\"sizeBytes\":" + "9".repeat(CanonicalJson.MAX_NUMBER_DIGITS + 1) + "}"))
                .isInstanceOf(OverLimitException.class).hasMessageContaining("Number value length");
    }

    @Test
    void stringLongerThanTheLimit_isOverLimit() {
        assertThatThrownBy(() -> parse("{\"capturedBy\":\"" + "x".repeat(CanonicalJson.MAX_STRING_CHARS + 1) + "\"}"))
                .isInstanceOf(OverLimitException.class).hasMessageContaining("String value length");
    }

    @Test
    void sizeOutOfRange_isRefused_neverWrapped() {
        ObjectNode big = item().put("sizeBytes", 1L << 41);
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(big, W)).isInstanceOf(EvidenceException.class)
                .hasMessage(W + ".sizeBytes must be within 0..1099511627776, was 2199023255552");
        ObjectNode negative = item().put("sizeBytes", -1);
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(negative, W)).hasMessageContaining("was -1");
        ObjectNode beyondLong = item();
        beyondLong.set("sizeBytes", parse("{\"n\":18446744073709551617}").get("n"));
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(beyondLong, W))
                .hasMessageContaining(W + ".sizeBytes must be an integer");
    }

    @Test
    void latitudeOutOfRange_orNotInTheWritersForm_isRefused() {
        ObjectNode north = item();
        ((ObjectNode) north.get("location")).put("lat", "91.0");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(north, W))
                .hasMessageContaining(W + ".location.lat must be decimal degrees within -90..90");
        for (String odd : new String[] {"NaN", "0x1p4", "30.0d", " 30.0", "28.63410"}) {
            ObjectNode o = item();
            ((ObjectNode) o.get("location")).put("lat", odd);
            assertThatThrownBy(() -> ManifestCodec.itemFromJson(o, W)).as(odd).isInstanceOf(EvidenceException.class)
                    .hasMessageContaining(W + ".location.lat");
        }
    }

    @Test
    void clockErrorOutOfRange_isRefused() {
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("clockErrorPer24h", "PT25H"), W))
                .hasMessage(W + ".clockErrorPer24h must be within PT0S..PT24H, was PT25H");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("clockErrorPer24h", "-PT1S"), W))
                .hasMessageContaining("was PT-1S");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("clockErrorPer24h", "1 second"), W))
                .hasMessageContaining("must be an ISO-8601 duration");
    }

    @Test
    void timestampOutOfRange_isRefused_inItemsEntriesAndHeads() {
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("capturedAt", "+10000-01-01T00:00:00Z"), W))
                .hasMessage(W + ".capturedAt must be within 1970-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z,"
                        + " was +10000-01-01T00:00:00Z");
        assertThatThrownBy(() -> CustodyEntry.fromJson(entry().put("at", "1969-12-31T23:59:59Z"), "log line 5"))
                .hasMessageContaining("log line 5.at must be within");
        ObjectNode head = new SignedTreeHead("c", 1, Sha256.hash(new byte[0]), Instant.MAX, "k", new byte[64],
                Optional.empty()).toJson();
        assertThatThrownBy(() -> SignedTreeHead.fromJson(head, "manifest.json.head"))
                .hasMessageContaining("manifest.json.head.signedAt must be within");
    }

    @Test
    void integerOutOfRange_inEntriesAndRules_isRefused_neverNarrowed() {
        assertThatThrownBy(() -> CustodyEntry.fromJson(entry().put("seq", -1), "log line 5"))
                .hasMessage("log line 5.seq must be within 0..9223372036854775807, was -1");
        String rules = "{\"version\":1,\"common\":[{\"id\":\"c\",\"type\":\"minCount\",\"reason\":\"r\","
                + "\"kinds\":[\"STILL\"],\"min\":4294967297}],\"violations\":{}}";
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("common[0] (c).min must be within 0..10000, was 4294967297");
    }

    @Test
    void wrongJsonType_namesTheField_andTheTypeFound() {
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("sizeBytes", "12"), W))
                .hasMessage(W + ".sizeBytes must be an integer within 0..1099511627776, was the string \"12\"");
        ObjectNode factNumber = item();
        ((ObjectNode) factNumber.get("facts")).put("plateLegible", 1);
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(factNumber, W))
                .hasMessage(W + ".facts.plateLegible must be a string, was the number 1");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(parse("[1,2]"), W))
                .hasMessage(W + " must be a JSON object, was an array");
        String rules = "{\"version\":1,\"common\":[{\"id\":\"c\",\"type\":\"minCount\",\"reason\":\"r\","
                + "\"kinds\":[5],\"min\":1}],\"violations\":{}}";
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("common[0] (c).kinds[0] must be a string, was the number 5");
    }

    @Test
    void missingField_isRefused_namingIt() {
        ObjectNode o = item();
        o.remove("capturedBy");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(o, W)).hasMessage(W + " lacks the field \"capturedBy\"");
        ObjectNode e = entry();
        e.remove("actor");
        assertThatThrownBy(() -> CustodyEntry.fromJson(e, "log line 5"))
                .hasMessage("log line 5 lacks the field \"actor\"");
    }

    @Test
    void unknownEnumName_isRefused_listingTheAllowedValues() {
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("kind", "STILB"), W))
                .hasMessageContaining(W + ".kind must be one of [STILL,").hasMessageContaining("was \"STILB\"");
        assertThatThrownBy(() -> ManifestCodec.itemFromJson(item().put("deviceReview", "OK"), W))
                .hasMessageContaining(W + ".deviceReview must be one of [");
        assertThatThrownBy(() -> CustodyEntry.fromJson(entry().put("action", "VIEWD"), "log line 5"))
                .hasMessageContaining("log line 5.action must be one of [ADDED, VIEWED");
    }

    @Test
    void journalRecord_isRefusedStrictly_namingTheRecordNumber() {
        byte[] dup = "{\"caseId\":\"c\",\"t\":\"case\",\"t\":\"case\",\"violationCode\":\"PARKING\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalCodec.parse(dup, 7)).isInstanceOf(EvidenceException.class)
                .hasMessageContaining("chain journal record 7 is not valid JSON at byte");
        byte[] deep = ("{\"t\":" + "[".repeat(1000) + "]".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalCodec.parse(deep, 8)).isInstanceOf(OverLimitException.class)
                .hasMessageContaining("chain journal record 8 is over a parsing limit");
    }

    @Test
    void manifestNotInCanonicalOrder_isRefused_atItsByteOffset() {
        byte[] m = "{\"format\":\"offsite-evidence-bundle/2\",\"caseId\":\"c\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BundleModel.parse(m, i -> { }))
                .hasMessage("manifest.json: field \"caseId\" at byte 37 is out of canonical (sorted) order");
        byte[] trailing = "{\"caseId\":\"c\"} ".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BundleModel.parse(trailing, i -> { }))
                .hasMessageContaining("content after the end of the JSON object at byte 14");
    }

    @Test
    void rulesDocumentOverItsSizeLimit_isRefused() {
        byte[] huge = new byte[CompletenessRules.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThatThrownBy(() -> CompletenessRules.load(new ByteArrayInputStream(huge)))
                .hasMessage("completeness rules: the document is over 4194304 bytes");
    }
}
