package io.offsite.examples.trucks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The truck demo leaves its corridor, gets one OFF_CORRIDOR finding with a hashed track, and files a case. */
class TruckDemoTest {
    @Test
    void truckDemo_leavesTheCorridorAndFilesOneCaseWithTheFindingId() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TruckDemo.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).containsSubsequence(
                "21:00  truck 浙J****5 (terminal 013305760001)",
                "21:03  leaves the corridor",
                "21:05:10  FINDING (decided; emitted with the 2-min after-track) OFF_CORRIDOR 浙J****5 since 21:03",
                "id 013305760001/OFF_CORRIDOR/2026-11-02T13:03:00Z",
                "track 44 positions 21:00–21:07:10, sha256 ",
                "21:08  back on the corridor",
                "FileCase CONSTRUCTION_WASTE episode 013305760001/OFF_CORRIDOR/2026-11-02T13:03:00Z fence HY-ZY-2026-0042"
                        + " cell HY-1-A-2 subject 浙J****5",
                "done: 1 finding(s), 0 out of order");
        assertThat(text).doesNotContain("12345"); // the plate is only shown masked
        assertThat(text).containsPattern("sha256 [0-9a-f]{64}");
    }
}
