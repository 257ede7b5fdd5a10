package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.testkit.PublicTypes;
import org.junit.jupiter.api.Test;

/**
 * The module's public surface, pinned: the API packages and {@code spi}; engines (journal codecs, file-format
 * readers and writers, schedulers' queues, parsers, checks) stay package-private. A type that becomes public
 * (or stops being public) fails this test until the list, the docs and the changelog say so.
 */
class PublicSurfaceTest {
    @Test
    void publicTypes_areExactlyTheDocumentedApiAndSpi() {
        assertThat(PublicTypes.under(EvidenceChain.class, "io.offsite.evidence")).containsExactlyInAnyOrder(
            "BundleVerifier", "BundleVerifierBuilder", "CaseContext", "CompletenessReport", "CompletenessRules",
            "ConsistencyProof", "CustodyAction", "CustodyEntry", "CustodyLog", "DeviceReview", "EvidenceChain",
            "EvidenceChainBuilder", "EvidenceException", "EvidenceItem", "EvidencePlan", "EvidenceRequest",
            "FileChainJournal", "FileSystemBlobStore", "Finding", "InMemoryBlobStore", "InMemoryChainJournal",
            "InMemorySigningKeys", "InclusionProof", "ItemKind", "ItemSpec", "LocalTimestampAuthority",
            "MerkleProofs", "PersonalDetails", "Sha256", "SignedTreeHead", "StreamingSha256", "VerificationProblem",
            "VerificationReport", "VerifierMain", "Witness", "WitnessId", "WitnessRegistry", "WitnessRole",
            "spi.BlobRef", "spi.BlobStore", "spi.ChainJournal", "spi.SigningKeys", "spi.TimestampAuthority",
            "spi.TimestampToken");
    }
}
