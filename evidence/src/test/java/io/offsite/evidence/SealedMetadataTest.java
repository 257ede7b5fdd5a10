package io.offsite.evidence;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.1: every metadata field of every item kind is sealed in its custody entry. Each field of each item
 * is edited, one at a time, in the chain journal (reopen must refuse) and in an exported bundle's manifest (the
 * verifier must fail); the finding names the field.
 */
class SealedMetadataTest {
    @TempDir
    Path dir;
    final InMemorySigningKeys keys = InMemorySigningKeys.generate("k1");

    EvidenceChain open() {
        return EvidenceChain.builder("case-seal", io.offsite.core.violation.Violation.PARKING).blobStore(FileSystemBlobStore.open(dir.resolve("blobs")))
                .journal(FileChainJournal.open(journal())).signingKeys(keys)
                .clock(SettableClock.at(Fixtures.T0.plusSeconds(3600))).build();
    }

    Path journal() {
        return dir.resolve("case-seal.j");
    }

    /** One item of every kind, all optional fields set, plus a derived copy. */
    EvidenceChain fullChain() {
        EvidenceChain chain = open();
        int n = 0;
        for (ItemKind kind : ItemKind.values()) {
            Instant at = Fixtures.T0.plusSeconds(60L * n++);
            ItemSpec spec = ItemSpec.builder(kind, "application/octet-stream", at, "device-" + kind)
                    .location(Fixtures.SPOT).deviceReview(DeviceReview.REVIEWED)
                    .clockErrorPer24h(Duration.ofMillis(300)).plateLegible(true).stationary(true)
                    .sms(at, at.plusSeconds(5)).subject("浙J12345").build();
            chain.add(spec, Fixtures.bytes("content of " + kind), "platform");
        }
        chain.derive("item-0001", Fixtures.still(Fixtures.T0, false), Fixtures.bytes("blurred"), "officer-7",
                "faces blurred");
        chain.signHead();
        return chain;
    }

    @Test
    void everyFieldOfEveryItemKind_editedInTheJournal_isRefusedNamingTheField() throws IOException {
        fullChain();
        List<String> records = JournalFiles.records(journal());
        int edits = 0;
        for (int r = 0; r < records.size(); r++) {
            JsonNode rec = CanonicalJson.parse(records.get(r).getBytes(StandardCharsets.UTF_8), "record");
            if (rec.get("item") == null) {
                continue;
            }
            for (String field : leafFields(rec.get("item"), "")) {
                ObjectNode edited = rec.deepCopy();
                edit((ObjectNode) edited.get("item"), field);
                List<String> changed = new ArrayList<>(records);
                changed.set(r, new String(CanonicalJson.write(edited), StandardCharsets.UTF_8));
                JournalFiles.write(journal(), changed);
                try {
                    open();
                    fail("journal edit of " + field + " in record " + (r + 1) + " was not detected");
                } catch (EvidenceException e) {
                    assertThat(e.getMessage()).as("record %d field %s", r + 1, field)
                            .containsAnyOf("field " + field + " was changed", "path must be");
                }
                edits++;
            }
        }
        JournalFiles.write(journal(), records);
        assertThat(open().items()).hasSize(ItemKind.values().length + 1);
        assertThat(edits).isGreaterThan(12 * 14);
    }

    @Test
    void everyFieldOfEveryItemKind_editedInTheBundleManifest_failsVerificationNamingTheField() throws IOException {
        EvidenceChain chain = fullChain();
        Path bundle = dir.resolve("bundle.zip");
        chain.exportBundle(bundle, "officer-7");
        assertThat(BundleVerifier.create().verify(bundle).ok()).isTrue();
        ObjectNode manifest = (ObjectNode) CanonicalJson.parse(Fixtures.entries(bundle).get("manifest.json"), "m");
        int edits = 0;
        for (int i = 0; i < manifest.get("items").size(); i++) {
            for (String field : leafFields(manifest.get("items").get(i), "")) {
                ObjectNode edited = manifest.deepCopy();
                edit((ObjectNode) edited.get("items").get(i), field);
                Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
                    m.put("manifest.json", CanonicalJson.write(edited));
                    return m;
                });
                VerificationReport report = BundleVerifier.create().verify(bad);
                assertThat(report.ok()).as("edit of %s in item %d detected", field, i).isFalse();
                if (!field.equals("id") && !field.equals("path")) {
                    assertThat(report.problems()).as("item %d field %s named", i, field)
                            .anyMatch(p -> p.message().contains("field " + field + " was changed"));
                }
                edits++;
            }
        }
        assertThat(edits).isGreaterThan(12 * 14);
    }

    @Test
    void removedFact_inTheBundle_isNamedAsRemoved() throws IOException {
        EvidenceChain chain = fullChain();
        Path bundle = dir.resolve("bundle.zip");
        chain.exportBundle(bundle, "officer-7");
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            ObjectNode man = (ObjectNode) CanonicalJson.parse(m.get("manifest.json"), "m");
            ((ObjectNode) man.get("items").get(0).get("facts")).remove("plateLegible");
            m.put("manifest.json", CanonicalJson.write(man));
            return m;
        });
        assertThat(BundleVerifier.create().verify(bad).problems())
                .anyMatch(p -> p.message().contains("field facts.plateLegible was removed"));
    }

    static List<String> leafFields(JsonNode o, String prefix) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                out.addAll(leafFields(e.getValue(), prefix + e.getKey() + "."));
            } else {
                out.add(prefix + e.getKey());
            }
        }
        return out;
    }

    /** Replaces the value at dotted {@code field} with a different value that still parses. */
    static void edit(ObjectNode item, String field) {
        String[] p = field.split("\\.");
        ObjectNode parent = p.length == 1 ? item : (ObjectNode) item.get(p[0]);
        String key = p[p.length - 1];
        JsonNode v = parent.get(key);
        if (v.isIntegralNumber()) {
            parent.put(key, v.longValue() + 1);
            return;
        }
        String s = v.textValue();
        String changed = switch (field) {
            case "capturedAt", "facts.smsSentAt", "facts.smsDeliveredAt" ->
                    Instant.parse(s).plusSeconds(600).toString();
            case "kind" -> s.equals("STILL") ? "VIDEO_CLIP" : "STILL";
            case "deviceReview" -> s.equals("REVIEWED") ? "NOT_REVIEWED" : "REVIEWED";
            case "clockErrorPer24h" -> "PT9S";
            case "location.lat" -> "30.3";
            case "location.lon" -> "120.2";
            case "sha256" -> Sha256.hash(new byte[] {1}).hex();
            case "id" -> "item-0099";
            case "derivedFrom" -> "item-0002";
            case "facts.plateLegible", "facts.stationary" -> s.equals("true") ? "false" : "true";
            case "mediaType" -> "image/png";
            default -> s + "x";
        };
        parent.set(key, TextNode.valueOf(changed));
    }
}
