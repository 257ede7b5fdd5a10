package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.evidence.VerificationProblem.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11.4/11.7: hostile bundles give a clear report, never a stack trace; only a detected alteration is
 * "tampered" (exit 1), anything the verifier cannot judge — over a limit, or its own failure — is "cannot check"
 * (exit 2).
 */
class VerifierHostileBundlesTest {
    @TempDir
    Path dir;
    Path bundle;

    @BeforeEach
    void export() {
        bundle = dir.resolve("b.zip");
        Fixtures.parkingChain("case-h").exportBundle(bundle, "officer-7");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifierMain.run(args, new PrintStream(out), new PrintStream(err));
        Run r = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        return r;
    }

    private Path withManifest(byte[] manifest) throws IOException {
        return Fixtures.rewrite(bundle, dir.resolve("hostile.zip"), m -> {
            m.put(ManifestCodec.MANIFEST, manifest);
            return m;
        });
    }

    @Test
    void truncatedZip_isReportedAsDamaged_exitOne() throws IOException {
        byte[] b = Files.readAllBytes(bundle);
        Files.write(bundle, Arrays.copyOf(b, b.length / 2));
        Run r = main(bundle.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ZIP_STRUCTURE").contains("truncated");
    }

    @Test
    void entryClaimingNearlyFourGigabytes_isDamaged_exitOne_withoutReadingIt() throws IOException {
        byte[] b = Files.readAllBytes(bundle);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int cd = bb.getInt(b.length - 22 + 16);
        bb.putInt(cd + 20, 0xFFFF_FF00).putInt(cd + 24, 0xFFFF_FF00); // manifest.json, central directory
        bb.putInt(18, 0xFFFF_FF00).putInt(22, 0xFFFF_FF00); // and its local header
        Files.write(bundle, b);
        Run r = main(bundle.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ZIP_STRUCTURE").contains("runs into the central directory");
    }

    @Test
    void manifestWithInvalidUtf8_isTampered_namingTheByteOffset() throws IOException {
        byte[] m = Fixtures.entries(bundle).get(ManifestCodec.MANIFEST).clone();
        int at = new String(m, StandardCharsets.ISO_8859_1).indexOf("officer-7") + 2;
        m[at] = (byte) 0xFF;
        Run r = main(withManifest(m).toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("MANIFEST manifest.json").contains("not valid JSON at byte")
                .contains("UTF-8");
    }

    @Test
    void deeplyNestedManifest_isCannotCheck_exitTwo_namingTheNestingLimit() throws IOException {
        String deep = "{\"caseId\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Run r = main(withManifest(deep.getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("CANNOT CHECK").contains("nesting depth");
    }

    @Test
    void oneManifestValueOverAMebibyte_isCannotCheck_exitTwo() throws IOException {
        byte[] m = Fixtures.entries(bundle).get(ManifestCodec.MANIFEST);
        String s = new String(m, StandardCharsets.UTF_8);
        String big = s.replace("\"facts\":{", "\"facts\":{\"aaa\":\"" + "x".repeat(1 << 20) + "\",");
        Run r = main(withManifest(big.getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("CANNOT CHECK").contains("bytes, over this reader's limit of 1048576");
    }

    @Test
    void unexpectedExceptionInsideTheVerifier_isCannotCheck_notTampered() {
        VerificationReport r = BundleVerifier.builder().progress((done, total) -> {
            throw new IllegalStateException("progress display broke");
        }).build().verify(bundle);
        assertThat(r.cannotCheck()).isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.CANNOT_CHECK);
            assertThat(p.message()).contains("the verifier failed (IllegalStateException: progress display broke)")
                    .contains("nothing is claimed");
        });
    }

    @Test
    void outOfMemoryInsideTheVerifier_isCannotCheck_notTampered() {
        VerificationReport r = BundleVerifier.builder().progress((done, total) -> {
            throw new OutOfMemoryError("Java heap space");
        }).build().verify(bundle);
        assertThat(r.cannotCheck()).isTrue();
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("OutOfMemoryError"));
    }

    @Test
    void unusablePathArgument_isCannotCheck_exitTwo_withoutStackTrace() {
        Run r = main("bad\0path.zip");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("CANNOT CHECK");
    }
}
