package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11.4: the verifier bounds what it reads and says "cannot check" (exit 2) apart from "tampered" (exit 1). */
class VerifierBoundsTest {
    @TempDir
    Path dir;

    private int run(Path bundle, ByteArrayOutputStream out) {
        return VerifierMain.run(new String[] {bundle.toString()}, new PrintStream(out), new PrintStream(
                new ByteArrayOutputStream()));
    }

    @Test
    void endRecordClaimingAHugeCentralDirectory_isRefusedCleanly_withExitTwo() throws IOException {
        Path bundle = dir.resolve("b.zip");
        Fixtures.parkingChain("case-cd").exportBundle(bundle, "officer-7");
        byte[] b = Files.readAllBytes(bundle);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 22 + 12, 1_200_000_000);
        Files.write(bundle, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(bundle, out)).isEqualTo(2);
        assertThat(out.toString()).contains("CANNOT CHECK").contains("1200000000 bytes");
    }

    @Test
    void tamperedBundle_exitsOne_andIntactBundle_exitsZero() throws IOException {
        Path bundle = dir.resolve("b.zip");
        Fixtures.parkingChain("case-t").exportBundle(bundle, "officer-7");
        assertThat(run(bundle, new ByteArrayOutputStream())).isEqualTo(0);
        byte[] b = Files.readAllBytes(bundle);
        int at = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("still-1 jpeg");
        b[at] ^= 1;
        Files.write(bundle, b);
        assertThat(run(bundle, new ByteArrayOutputStream())).isEqualTo(1);
    }
}
