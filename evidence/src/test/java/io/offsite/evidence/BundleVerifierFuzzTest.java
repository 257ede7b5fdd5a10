package io.offsite.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzz target (Jazzer): arbitrary bytes taken as a bundle file are verified without the verifier's
 * safety net ({@link BundleVerifier#verifyUnguarded}); the only allowed outcomes are a report or an
 * {@link EvidenceException}. Anything else — NPE, ClassCastException, ArithmeticException, an
 * OutOfMemoryError in the 256 MiB fuzzing heap, a stack overflow — is a finding. Seeds (small valid bundles and
 * mutations of them) are in {@code BundleVerifierFuzzTestInputs/}.
 */
class BundleVerifierFuzzTest {
    private static final BundleVerifier VERIFIER = BundleVerifier.create();

    @FuzzTest(maxDuration = "15s")
    void bundle_verifiesToAReportOrThrowsEvidenceException(byte[] input) {
        Path file;
        try {
            file = Files.createTempFile("fuzz-bundle", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.write(file, input);
            VerificationReport r = VERIFIER.verifyUnguarded(file);
            if (r == null) {
                throw new AssertionError("no report");
            }
        } catch (EvidenceException expected) {
            // the module's own exception is the only allowed failure
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is not a finding
            }
        }
    }
}
