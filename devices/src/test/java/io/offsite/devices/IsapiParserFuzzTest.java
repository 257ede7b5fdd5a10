package io.offsite.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the fixtures: whatever bytes and Content-Type arrive, the parser returns a message or
 * throws {@link DeviceMessageException}, never anything else. Reproduce a failure with the printed seed and case.
 */
class IsapiParserFuzzTest {
    private static final long SEED = 0x331003_2026_1206L;
    private static final int CASES = 2500;
    private static final List<String> TOKENS = List.of(
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "&amp;", "&#0;", "&#x10FFFF;",
            "<![CDATA[", "]]>", "<!--", "-->", "<?pi x?>", "--boundary", "--boundary--", "\r\n", "\n", "\r\n\r\n",
            "<ANPR>", "</ANPR>", "<confidenceLevel>", "</confidenceLevel>", "999999999999", "-1", "NaN", "1e309",
            "0.5", "<TargetRect><X>2000</X><Y>0</Y><width>1</width><height>1</height></TargetRect>",
            "<plateRect><X>0.5</X><Y>0.5</Y><width>0.6</width><height>0</height></plateRect>",
            "<DeviceGPSInfo><Longitude><degree>181</degree><minute>0</minute><sec>0</sec></Longitude></DeviceGPSInfo>",
            "<DeviceGPSInfo><longitudeType>Q</longitudeType><Longitude><degree>1</degree><minute>0</minute><sec>0"
                    + "</sec></Longitude><Latitude><degree>90</degree><minute>59</minute><sec>59</sec></Latitude>"
                    + "</DeviceGPSInfo>",
            "<DetectionRegionList><DetectionRegionEntry><RegionCoordinatesList><RegionCoordinates><positionX>1"
                    + "</positionX></RegionCoordinates></RegionCoordinatesList></DetectionRegionEntry>"
                    + "</DetectionRegionList>",
            "Content-Type: application/json", "Content-Type: image/jpeg", "Content-Disposition: form-data; name=\"",
            "<?xml version=\"1.0\" encoding=\"GBK\"?>", "<?xml version=\"1.1\"?>", "<eventState>", "xmlns=\"urn:x\"",
            "<a b=\"", "<x:y>", "</EventNotificationAlert>", "<EventNotificationAlert>", "浙J", "\u0000", "\uFFFE");
    private static final List<String> CONTENT_TYPES = List.of(Fixtures.MULTIPART, "multipart/mixed; boundary=boundary",
            "multipart/form-data; boundary=\"boundary\"", "text/xml", "application/xml", "multipart/form-data",
            "application/json", "multipart/form-data; boundary=bound", "text/xml; charset=\"", "");

    @Test
    void mutatedBodies_parseOrThrowOnlyDeviceMessageException() {
        IsapiParser parser = IsapiParser.builder().maxBodyBytes(256 * 1024).build();
        byte[][] samples = {Fixtures.bytes("anpr-multipart.bin"), Fixtures.bytes("anpr-xichengjie.xml"),
            Fixtures.bytes("heartbeat.xml"), Fixtures.bytes("vmd-nanchengjie.xml"),
            Fixtures.bytes("fielddetection-erfu.xml"), Fixtures.bytes("linedetection-no-namespace.xml")};
        Random random = new Random(SEED);
        long start = System.nanoTime();
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            int which = random.nextInt(samples.length);
            byte[] body = samples[which];
            int mutations = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
            for (int m = 0; m < mutations; m++) {
                body = mutate(body, random);
            }
            String contentType = random.nextInt(10) < 8
                    ? (which == 0 ? Fixtures.MULTIPART : "text/xml")
                    : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            try {
                IsapiMessage message = parser.parse(contentType, body);
                assertThat(message.alert().eventType()).isNotBlank();
                assertThat(message.pictures().stream().mapToInt(Picture::size).sum()).isLessThanOrEqualTo(body.length);
                parsed++;
            } catch (DeviceMessageException e) {
                assertThat(e.getMessage()).as("case %d", i).isNotBlank();
                assertThat(e.where()).as("case %d", i).isNotBlank();
                refused++;
            } catch (RuntimeException | Error e) {
                fail("seed " + SEED + " case " + i + " (sample " + which + ", " + contentType + ") threw "
                        + e + "\nbody:\n" + new String(body, StandardCharsets.UTF_8), e);
            }
        }
        System.out.printf("ISAPI fuzz: %d cases, %d parsed, %d refused, %d ms%n", CASES, parsed, refused,
                (System.nanoTime() - start) / 1_000_000);
        // the mutations must reach both outcomes often, or the loop tests only one path
        assertThat(parsed).isGreaterThan(CASES / 10);
        assertThat(refused).isGreaterThan(CASES / 10);
    }

    private static byte[] mutate(byte[] in, Random r) {
        if (in.length == 0) {
            return TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
        }
        int at = r.nextInt(in.length);
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case 1 -> {
                byte[] out = in.clone();
                out[at] = (byte) r.nextInt(256);
                return out;
            }
            case 2 -> {
                int len = Math.min(in.length - at, 1 + r.nextInt(64));
                return concat(Arrays.copyOfRange(in, 0, at), Arrays.copyOfRange(in, at + len, in.length));
            }
            case 3 -> {
                int len = Math.min(in.length - at, 1 + r.nextInt(256));
                return concat(Arrays.copyOfRange(in, 0, at + len), Arrays.copyOfRange(in, at, in.length));
            }
            case 4 -> {
                return Arrays.copyOf(in, at);
            }
            default -> {
                byte[] token = TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
                return concat(concat(Arrays.copyOfRange(in, 0, at), token), Arrays.copyOfRange(in, at, in.length));
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
