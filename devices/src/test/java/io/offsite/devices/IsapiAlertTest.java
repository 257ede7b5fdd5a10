package io.offsite.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Non-ANPR alerts, namespaces, times and the required elements. */
class IsapiAlertTest {
    private final IsapiParser parser = IsapiParser.create();

    @Test
    void inactiveVideoloss_isAHeartbeat() {
        IsapiAlert a = parser.parse("text/xml", Fixtures.bytes("heartbeat.xml")).alert();

        assertThat(a.isHeartbeat()).isTrue();
        assertThat(a.kind()).isEqualTo(IsapiEventKind.VIDEO_LOSS);
        assertThat(a.eventState()).isEqualTo(EventState.INACTIVE);
        assertThat(a.activePostCount()).hasValue(0);
        assertThat(a.anpr()).isEmpty();
        assertThat(a.regions()).isEmpty();
        assertThat(a.gps()).isEmpty();
    }

    @Test
    void activeVideoloss_isNotAHeartbeat() {
        String xml = Fixtures.text("heartbeat.xml").replace(">inactive<", ">active<");

        assertThat(parser.parseXml(Fixtures.utf8(xml)).isHeartbeat()).isFalse();
    }

    @Test
    void motionAlert_takesDynChannelIdAndTheRegionPolygon() {
        IsapiAlert a = parser.parseXml(Fixtures.bytes("vmd-nanchengjie.xml"));

        assertThat(a.kind()).isEqualTo(IsapiEventKind.MOTION);
        assertThat(a.channelId()).contains("1");
        assertThat(a.channelName()).contains("南城街道-枪机03");
        assertThat(a.activePostCount()).hasValue(3);
        assertThat(a.regions()).singleElement().satisfies(r -> {
            assertThat(r.regionId()).contains("1");
            assertThat(r.sensitivityLevel()).hasValue(60);
            assertThat(r.polygon()).containsExactly(new RegionPoint(383, 0), new RegionPoint(638, 0),
                    new RegionPoint(638, 284), new RegionPoint(383, 284));
            assertThat(r.targetRect()).isEmpty();
        });
    }

    @Test
    void fieldDetection_targetRectIsAFractionBox_andFractionalSecondsKept() {
        IsapiAlert a = parser.parseXml(Fixtures.bytes("fielddetection-erfu.xml"));

        assertThat(a.kind()).isEqualTo(IsapiEventKind.FIELD_DETECTION);
        assertThat(a.dateTime()).isEqualTo(Instant.parse("2026-12-06T13:02:17.250Z"));
        DetectionRegion r = a.regions().get(0);
        assertThat(r.detectionTarget()).contains("vehicle");
        ImageBox box = r.targetRect().orElseThrow();
        assertThat(box.unit()).isEqualTo(ImageBox.Unit.FRACTION);
        assertThat(box.inPixels(1920, 1080).x()).isCloseTo(0.779688 * 1920, within(1e-6));
        assertThat(a.extra()).containsEntry("ipv6Address", "::ffff:10.33.100.22")
                .containsEntry("detectionPicturesNumber", "1");
    }

    @Test
    void noNamespaceAndZuluTime_areAccepted() {
        IsapiAlert a = parser.parseXml(Fixtures.bytes("linedetection-no-namespace.xml"));

        assertThat(a.namespace()).isEmpty();
        assertThat(a.kind()).isEqualTo(IsapiEventKind.LINE_DETECTION);
        assertThat(a.dateTime()).isEqualTo(Instant.parse("2026-12-06T07:45:00Z"));
        assertThat(a.utcOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(a.portNo()).hasValue(8000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.hikvision.com/ver20/XMLSchema", "http://www.isapi.org/ver20/XMLSchema",
        "http://www.std-cgi.org/ver20/XMLSchema", ""})
    void isapiNamespaces_allReadTheSameAlert(String namespace) {
        String xml = Fixtures.text("anpr-xichengjie.xml").replace(
                " xmlns=\"http://www.isapi.org/ver20/XMLSchema\"", namespace.isEmpty() ? "" : " xmlns=\"" + namespace + "\"");
        IsapiAlert a = parser.parseXml(Fixtures.utf8(xml));
        IsapiAlert reference = parser.parseXml(Fixtures.bytes("anpr-xichengjie.xml"));

        assertThat(a.namespace()).isEqualTo(namespace);
        assertThat(a.anpr()).isEqualTo(reference.anpr());
        assertThat(a.extra()).isEqualTo(reference.extra());
    }

    @Test
    void prefixedRootInIsapiNamespace_isAccepted() {
        String xml = "<h:EventNotificationAlert xmlns:h=\"http://www.hikvision.com/ver20/XMLSchema\">"
                + "<h:dateTime>2026-12-06T09:15:00+08:00</h:dateTime><h:eventType>VMD</h:eventType>"
                + "<h:eventState>active</h:eventState></h:EventNotificationAlert>";

        assertThat(parser.parseXml(Fixtures.utf8(xml)).kind()).isEqualTo(IsapiEventKind.MOTION);
    }

    @Test
    void foreignNamespace_isRefused() {
        String xml = Fixtures.text("heartbeat.xml").replace("http://www.hikvision.com/ver20/XMLSchema",
                "http://www.onvif.org/ver10/schema");

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("onvif");
    }

    @Test
    void otherRootElement_isRefused() {
        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8("<ResponseStatus><statusCode>1</statusCode>"
                + "</ResponseStatus>"))).isInstanceOfSatisfying(DeviceMessageException.class,
                        e -> assertThat(e.getMessage()).contains("<ResponseStatus>").contains("EventNotificationAlert"));
    }

    @Test
    void dateTimeWithoutOffset_isRefusedUnlessAZoneIsAssumed() {
        byte[] xml = Fixtures.utf8(Fixtures.text("heartbeat.xml").replace("2026-12-06T09:15:00+08:00",
                "2026-12-06T09:15:00"));

        assertThatThrownBy(() -> parser.parseXml(xml)).isInstanceOfSatisfying(DeviceMessageException.class,
                e -> assertThat(e.where()).isEqualTo("EventNotificationAlert/dateTime"));
        IsapiAlert a = IsapiParser.builder().assumeZone(ZoneId.of("Asia/Shanghai")).build().parseXml(xml);
        assertThat(a.dateTime()).isEqualTo(Instant.parse("2026-12-06T01:15:00Z"));
    }

    @Test
    void gbkDeclaredDocument_readsItsChineseText() throws Exception {
        String xml = Fixtures.text("vmd-nanchengjie.xml").replace("encoding=\"UTF-8\"", "encoding=\"GBK\"");
        IsapiAlert a = parser.parseXml(xml.getBytes("GBK"));

        assertThat(a.channelName()).contains("南城街道-枪机03");
    }

    @Test
    void utf8ByteOrderMark_isSkipped() {
        byte[] xml = Fixtures.bytes("heartbeat.xml");
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(xml, 0, withBom, 3, xml.length);

        assertThat(parser.parseXml(withBom)).isEqualTo(parser.parseXml(xml));
    }

    @Test
    void compactOffset_isAccepted() {
        byte[] xml = Fixtures.utf8(Fixtures.text("heartbeat.xml").replace("2026-12-06T09:15:00+08:00",
                "2026-12-06T09:15:00+0800"));

        assertThat(parser.parseXml(xml).dateTime()).isEqualTo(Instant.parse("2026-12-06T01:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dateTime", "eventType", "eventState"})
    void missingRequiredElement_isRefusedNamingIt(String element) {
        String xml = Fixtures.text("heartbeat.xml").replaceAll("<" + element + ">[^<]*</" + element + ">", "");

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml)))
                .isInstanceOfSatisfying(DeviceMessageException.class,
                        e -> assertThat(e.where()).isEqualTo("EventNotificationAlert/" + element));
    }

    @Test
    void unknownEventState_isRefused() {
        String xml = Fixtures.text("heartbeat.xml").replace(">inactive<", ">maybe<");

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml))).isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("maybe");
    }

    @Test
    void portOutOfRange_isRefused() {
        String xml = Fixtures.text("heartbeat.xml").replace("<portNo>80<", "<portNo>70000<");

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml)))
                .isInstanceOfSatisfying(DeviceMessageException.class,
                        e -> assertThat(e.getMessage()).startsWith("EventNotificationAlert/portNo: 70000 outside"));
    }

    @Test
    void regionPointBeyondTheThousandGrid_isRefused() {
        String xml = Fixtures.text("vmd-nanchengjie.xml").replace("<positionX>638</positionX><positionY>284",
                "<positionX>1638</positionX><positionY>284");

        assertThatThrownBy(() -> parser.parseXml(Fixtures.utf8(xml)))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> assertThat(e.where())
                        .endsWith("RegionCoordinatesList/RegionCoordinates/positionX"));
    }

    @Test
    void westernAndSouthernHemispheres_areNegative() {
        String xml = Fixtures.text("anpr-xichengjie.xml").replace("<longitudeType>E<", "<longitudeType>W<")
                .replace("<latitudeType>N<", "<latitudeType>S<");

        assertThat(parser.parseXml(Fixtures.utf8(xml)).gps().orElseThrow().lon()).isCloseTo(-121.26, within(1e-9));
    }

    @Test
    void gpsOfAllZeros_isNoFix() {
        String xml = Fixtures.text("anpr-xichengjie.xml").replaceAll("<degree>\\d+<", "<degree>0<")
                .replaceAll("<minute>\\d+<", "<minute>0<").replaceAll("<sec>[\\d.]+<", "<sec>0<");

        assertThat(parser.parseXml(Fixtures.utf8(xml)).gps()).isEmpty();
    }

    @Test
    void unknownEventType_isOtherButKeptVerbatim() {
        String xml = Fixtures.text("heartbeat.xml").replace(">videoloss<", ">PackingSpaceRecognition<");
        IsapiAlert a = parser.parseXml(Fixtures.utf8(xml));

        assertThat(a.kind()).isEqualTo(IsapiEventKind.OTHER);
        assertThat(a.eventType()).isEqualTo("PackingSpaceRecognition");
    }

    @Test
    void builderSetters_rejectNonPositiveLimitsNamingThem() {
        assertThatThrownBy(() -> IsapiParser.builder().maxBodyBytes(0)).hasMessage("maxBodyBytes must be > 0, was 0");
        assertThatThrownBy(() -> IsapiParser.builder().maxDepth(-3)).hasMessage("maxDepth must be > 0, was -3");
    }
}
