package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.4: the verifier streams the manifest and bounds what it reads, so a hostile manifest never exhausts the
 * heap. Each case runs {@link VerifierMain} in a child JVM with a 128 MiB heap, as a court's laptop would.
 */
class VerifierMemoryBoundsTest {
    @TempDir
    Path dir;

    record Result(int exit, String output) {
    }

    private static Result verifyIn128MiB(Path bundle) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                VerifierMain.class.getName(), bundle.toString())).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("verifier finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void manifestClaimingAMillionItems_isCannotCheck_exitTwo_withoutRunningOutOfMemory() throws Exception {
        Path bundle = LargeManifests.bundleWithItems(dir, 1_000_000);
        assertThat(Files.size(bundle)).isGreaterThan(BundleVerifier.MAX_MANIFEST_BYTES);
        Result r = verifyIn128MiB(bundle);
        assertThat(r.output()).contains("CANNOT CHECK").contains("over this verifier's limit of 16777216 bytes")
                .doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void manifestOfSixtyThousandAbsentItems_isStreamed_exitOne_listingAtMostTheProblemCap() throws Exception {
        Path bundle = LargeManifests.bundleWithItems(dir, 60_000);
        assertThat(Files.size(bundle)).isLessThan(BundleVerifier.MAX_MANIFEST_BYTES);
        Result r = verifyIn128MiB(bundle);
        assertThat(r.output()).startsWith("FAILED").contains("ITEM_MISSING items/g0000000:")
                .contains("more problems were found but not listed").contains("60000 items")
                .doesNotContain("OutOfMemoryError").doesNotContain("CANNOT CHECK");
        assertThat(r.output().lines().filter(l -> l.startsWith("  ") && !l.startsWith("  note:")).count())
                .isEqualTo(BundleVerifier.MAX_PROBLEMS + 1);
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void manifestOverTheItemLimit_isOverLimit_namingTheLimit() throws Exception {
        // 65,536 minimal items take just over 16 MiB, so the size limit usually answers first; the count is still
        // bounded on its own (a ZIP without ZIP64 holds at most 65,535 entries)
        byte[] manifest = LargeManifests.manifestWithItems(dir, BundleModel.MAX_ITEMS + 1);
        int[] seen = {0};
        assertThatThrownBy(() -> BundleModel.parse(manifest, item -> seen[0]++))
                .isInstanceOf(OverLimitException.class).hasMessageContaining("more than 65535 items");
        assertThat(seen[0]).isEqualTo(BundleModel.MAX_ITEMS);
    }
}
