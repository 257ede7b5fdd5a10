package io.offsite.examples.evidence;

import io.offsite.core.violation.Violation;
import io.offsite.evidence.*;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;

/** The README snippet for the evidence module, compiled so it cannot rot. */
final class EvidenceReadmeSnippet {
    private EvidenceReadmeSnippet() {
    }

    static boolean snippet(Path bundle) {
        EvidenceChain chain = EvidenceChain.builder("331003-2026-000123", Violation.PARKING)
                .blobStore(FileSystemBlobStore.open(Path.of("evidence-blobs")))
                .signingKeys(InMemorySigningKeys.generate("agency-2026")).build();
        ItemSpec still = ItemSpec.builder(ItemKind.STILL, "image/jpeg", Instant.parse("2026-03-02T01:00:00Z"),
                "33100300001321000001").deviceReview(DeviceReview.REVIEWED).stationary(true).plateLegible(true).build();
        chain.add(still, new ByteArrayInputStream(new byte[] {1, 2, 3}), "platform"); // any InputStream; streamed
        chain.seal("HYZF-0371");
        chain.exportBundle(bundle, "HYZF-0371");
        return BundleVerifier.create().verify(bundle).ok(); // or: java -jar offsite-evidence-verifier.jar bundle.zip
    }
}
