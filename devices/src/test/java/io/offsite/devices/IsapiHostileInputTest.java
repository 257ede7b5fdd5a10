package io.offsite.devices;

import static io.offsite.devices.Fixtures.MULTIPART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies an attacker or a broken device could send: each is refused with the module's exception, naming where. */
class IsapiHostileInputTest {
    private final IsapiParser parser = IsapiParser.create();

    @Test
    void externalEntity_isRefusedAndNothingIsRead() {
        assertThatThrownBy(() -> parser.parseXml(Fixtures.bytes("xxe.xml")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.getMessage()).contains("DOCTYPE is not allowed").doesNotContain("root:");
                    assertThat(e.where()).isEqualTo("document");
                });
    }

    @Test
    void externalDtd_isRefusedWithoutFetchingIt() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE EventNotificationAlert SYSTEM \"http://10.0.0.1:1/evil.dtd\">"
                + "<EventNotificationAlert/>";

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionBomb_isRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><EventNotificationAlert><eventDescription>&c;</eventDescription>"
                + "</EventNotificationAlert>";

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class);
    }

    @Test
    void xxeInsideAMultipartXmlPart_isRefusedNamingThePart() {
        byte[] body = Fixtures.multipart("boundary", "\r\n",
                "Content-Disposition: form-data; name=\"anpr.xml\"\nContent-Type: text/xml", Fixtures.bytes("xxe.xml"));

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> assertThat(e.partIndex()).isZero());
    }

    @Test
    void nestingDeeperThanTheLimit_isRefused() {
        String xml = "<EventNotificationAlert>" + "<a>".repeat(40) + "</a>".repeat(40) + "</EventNotificationAlert>";

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("maxDepth");
    }

    @Test
    void moreElementsThanTheLimit_isRefused() {
        IsapiParser small = IsapiParser.builder().maxElements(50).build();
        String xml = "<EventNotificationAlert>" + "<x/>".repeat(60) + "</EventNotificationAlert>";

        assertThatThrownBy(() -> small.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("maxElements");
    }

    @Test
    void truncatedXml_isRefusedWithTheOpenElement() {
        byte[] xml = Fixtures.bytes("heartbeat.xml");
        byte[] cut = Arrays.copyOf(xml, xml.length / 2);

        assertThatThrownBy(() -> parser.parseXml(cut)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> assertThat(e.where()).startsWith("EventNotificationAlert"));
    }

    @Test
    void invalidUtf8_isRefusedWithTheByteOffset() {
        byte[] xml = Fixtures.bytes("vmd-nanchengjie.xml");
        String text = Fixtures.text("vmd-nanchengjie.xml");
        int at = Fixtures.utf8(text.substring(0, text.indexOf('南'))).length; // first byte of 南 (3 bytes in UTF-8)
        xml[at + 1] = 'A'; // its continuation byte replaced by ASCII

        assertThatThrownBy(() -> parser.parseXml(xml)).isInstanceOfSatisfying(DeviceMessageException.class, e -> {
            assertThat(e.getMessage()).contains("not valid UTF-8");
            assertThat(e.byteOffset()).isEqualTo(at);
        });
    }

    @Test
    void unknownDeclaredEncoding_isRefusedNamingIt() {
        byte[] xml = Fixtures.utf8(Fixtures.text("heartbeat.xml").replace("encoding=\"UTF-8\"", "encoding=\"x-klingon\""));

        assertThatThrownBy(() -> parser.parseXml(xml)).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("x-klingon");
    }

    @Test
    void emptyXml_isRefused() {
        assertThatThrownBy(() -> parser.parse("application/xml", new byte[0])).isInstanceOf(DeviceMessageException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 200, 1500, 3100, 4500, 6700})
    void truncatedMultipart_isRefusedAsTruncatedWithOffset(int keep) {
        byte[] body = Arrays.copyOf(Fixtures.bytes("anpr-multipart.bin"), keep);

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> {
                    assertThat(e.getMessage()).contains("truncated");
                    assertThat(e.byteOffset()).isEqualTo(keep);
                });
    }

    @Test
    void truncationInsideThePlatePicture_namesThatPart() {
        byte[] whole = Fixtures.bytes("anpr-multipart.bin");
        byte[] body = Arrays.copyOf(whole, 4000);

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> {
                    assertThat(e.partIndex()).isEqualTo(1);
                    assertThat(e.where()).isEqualTo("part[1]");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; charset=utf-8"})
    void multipartWithoutBoundary_isRefused(String contentType) {
        assertThatThrownBy(() -> parser.parse(contentType, Fixtures.bytes("anpr-multipart.bin")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.where()).isEqualTo("Content-Type");
                    assertThat(e.getMessage()).contains("boundary");
                });
    }

    @Test
    void boundaryNotInTheBody_isRefusedAsMissingBoundary() {
        assertThatThrownBy(() -> parser.parse("multipart/form-data; boundary=other", Fixtures.bytes("anpr-multipart.bin")))
                .isInstanceOf(DeviceMessageException.class).hasMessageContaining("opening boundary --other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "image/jpeg", "text/plain; charset=utf-8", "multipart/related; boundary=b"})
    void unsupportedContentType_isRefusedNamingIt(String contentType) {
        assertThatThrownBy(() -> parser.parse(contentType, Fixtures.bytes("heartbeat.xml")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.where()).isEqualTo("Content-Type");
                    assertThat(e.getMessage()).contains(contentType.split(";")[0]).contains("not supported");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ";boundary=x"})
    void blankOrMalformedContentType_isRefused(String contentType) {
        assertThatThrownBy(() -> parser.parse(contentType, Fixtures.bytes("heartbeat.xml")))
                .isInstanceOf(DeviceMessageException.class).hasMessageStartingWith("Content-Type:");
    }

    @Test
    void nullContentType_isRefused() {
        assertThatThrownBy(() -> parser.parse((String) null, Fixtures.bytes("heartbeat.xml")))
                .isInstanceOf(DeviceMessageException.class).hasMessageContaining("missing");
    }

    @Test
    void endlessBody_failsAtMaxBodyBytesWithoutReadingOn() {
        IsapiParser small = IsapiParser.builder().maxBodyBytes(64 * 1024).build();
        CountingEndless in = new CountingEndless(Fixtures.bytes("anpr-multipart.bin"), 4000); // cut inside the plate picture

        assertThatThrownBy(() -> small.parse(MULTIPART, in)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> {
                    assertThat(e.getMessage()).contains("maxBodyBytes 65536");
                    assertThat(e.byteOffset()).isEqualTo(65537);
                });
        assertThat(in.served).isLessThan(64 * 1024 + 16 * 1024);
    }

    @Test
    void pictureOverItsLimit_isRefusedNamingThePart() {
        IsapiParser small = IsapiParser.builder().maxPictureBytes(1000).build();

        assertThatThrownBy(() -> small.parse(MULTIPART, Fixtures.bytes("anpr-multipart.bin")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.partIndex()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("limit of 1000 bytes");
                });
    }

    @Test
    void xmlAloneOverItsLimit_isRefused() {
        IsapiParser small = IsapiParser.builder().maxXmlBytes(1000).build();

        assertThatThrownBy(() -> small.parse("text/xml", Fixtures.bytes("anpr-xichengjie.xml")))
                .isInstanceOf(DeviceMessageException.class).hasMessageContaining("maxXmlBytes 1000");
    }

    @Test
    void moreParts_thanTheLimit_isRefused() {
        IsapiParser small = IsapiParser.builder().maxParts(2).build();

        assertThatThrownBy(() -> small.parse(MULTIPART, Fixtures.bytes("anpr-multipart.bin")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.partIndex()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("maxParts");
                });
    }

    @Test
    void secondXmlPart_isRefused() {
        byte[] xml = Fixtures.bytes("heartbeat.xml");
        byte[] body = Fixtures.multipart("boundary", "\r\n", "Content-Type: text/xml", xml, "Content-Type: text/xml", xml);

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("second XML part");
    }

    @Test
    void multipartWithoutXml_isRefused() {
        byte[] body = Fixtures.multipart("boundary", "\r\n", "Content-Type: image/jpeg", Fixtures.bytes("plate.jpg"));

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("no XML part");
    }

    @Test
    void partThatIsNeitherXmlNorPicture_isRefused() {
        byte[] body = Fixtures.multipart("boundary", "\r\n", "Content-Type: text/xml", Fixtures.bytes("heartbeat.xml"),
                "Content-Disposition: form-data; name=\"meta\"\nContent-Type: application/json", "{}");

        assertThatThrownBy(() -> parser.parse(MULTIPART, body)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> assertThat(e.getMessage()).contains("application/json").contains("part 1"));
    }

    @Test
    void bareLineFeeds_andXmlPartKnownOnlyByItsName_areAccepted() {
        byte[] body = Fixtures.multipart("MIME_boundary", "\n",
                "Content-Disposition: form-data; name=\"MoveDetection.xml\"; filename=\"MoveDetection.xml\"",
                Fixtures.bytes("vmd-nanchengjie.xml"),
                "Content-Disposition: form-data; name=\"detectionPicture.jpg\"\nContent-Type: image/jpeg",
                Fixtures.bytes("vehicle.jpg"));
        IsapiMessage m = parser.parse("multipart/form-data; boundary=MIME_boundary", body);

        assertThat(m.alert().kind()).isEqualTo(IsapiEventKind.MOTION);
        assertThat(m.picture("detectionPicture.jpg")).hasValueSatisfying(
                p -> assertThat(p.bytes()).isEqualTo(Fixtures.bytes("vehicle.jpg")));
    }

    @Test
    void preambleBeforeTheFirstBoundary_isSkipped() {
        byte[] parts = Fixtures.bytes("anpr-multipart.bin");
        byte[] body = new byte[parts.length + 7];
        System.arraycopy(Fixtures.utf8("ignore\n"), 0, body, 0, 7);
        System.arraycopy(parts, 0, body, 7, parts.length);

        assertThat(parser.parse(MULTIPART, body).pictures()).hasSize(2);
    }

    /** Serves the prefix, then repeats filler forever; counts bytes handed out. */
    private static final class CountingEndless extends InputStream {
        private final byte[] prefix;
        private long served;

        CountingEndless(byte[] whole, int prefixLength) {
            prefix = Arrays.copyOf(whole, prefixLength);
        }

        @Override
        public int read() {
            int b = served < prefix.length ? prefix[(int) served] & 0xff : 'x';
            served++;
            return b;
        }
    }
}
