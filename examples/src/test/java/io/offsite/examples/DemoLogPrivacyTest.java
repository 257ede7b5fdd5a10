package io.offsite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No plate and no phone number appears unmasked in anything the demo prints or logs. The demo runs in its own
 * JVM, as {@code java -jar offsite-demo.jar} does, with SLF4J (slf4j-simple, which writes to standard error) at
 * DEBUG, so every log call of every module that the demo reaches is captured along with standard output.
 */
class DemoLogPrivacyTest {

    @Test
    void demoOutputAndLogs_holdNoUnmaskedPlateOrPhoneNumber() throws Exception {
        Path outFile = Files.createTempFile("offsite-demo", ".log");
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-Dfile.encoding=UTF-8",
                    "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
                    "-cp", System.getProperty("java.class.path"), Demo.class.getName())
                    .redirectErrorStream(true).redirectOutput(outFile.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("demo finished within 2 min").isTrue();
            List<String> lines = Files.readAllLines(outFile, StandardCharsets.UTF_8);

            assertThat(p.exitValue()).as("demo exit code; output:%n%s", String.join("\n", lines)).isZero();
            assertThat(lines).as("the demo ran every section").anyMatch(l -> l.startsWith("=== pipeline"))
                    .anyMatch(l -> l.contains("RequestOwnerMove"));
            assertThat(lines).as("SLF4J logging was captured").anyMatch(l -> l.contains("DEBUG io.offsite."));
            assertThat(PersonalDataScan.findings(lines)).isEmpty();
        } finally {
            Files.deleteIfExists(outFile);
        }
    }

    @Test
    void scan_catchesUnmaskedPlatesAndPhones_butNotMaskedOnesOrOtherNumbers() {
        List<String> leaky = List.of("【黄岩综合执法】您的车辆浙J12345停放在西城街禁停区域", "SMS to 13812345678 accepted",
                "exempt: POLICE 浙J0001警", "new-energy 浙JD12345 parked", "owner 苏E8B2C9 told to move");
        List<String> clean = List.of("您的车辆浙J****5停放", "SMS to 138****5678 and +86139****1234",
                "area at (121.13499999999999, 28.63) is 2167471.3 m²", "episode 0TxiuSSgjGyJYMiCwPaZFA/request-owner-move",
                "id 123456789012, camera 33100300001321000001");

        assertThat(PersonalDataScan.findings(leaky)).hasSize(5);
        assertThat(PersonalDataScan.findings(clean)).isEmpty();
    }
}
