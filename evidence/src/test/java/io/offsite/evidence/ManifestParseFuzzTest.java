package io.offsite.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Coverage-guided fuzz target (Jazzer): a manifest item parsed from arbitrary bytes either decodes or fails
 * with {@link EvidenceException}; anything else (NPE, ClassCastException, OOM, StackOverflowError) is a finding.
 * Without {@code JAZZER_FUZZ} it replays the seeds in {@code ManifestParseFuzzTestInputs/}.
 */
class ManifestParseFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void manifestItem_decodesOrThrowsEvidenceException(byte[] input) {
        try {
            JsonNode node = CanonicalJson.parse(input, "fuzzed manifest");
            ManifestCodec.itemFromJson(node, "fuzzed manifest item");
        } catch (EvidenceException expected) {
            // the module's own exception is the only allowed failure
        }
    }
}
