package io.offsite.devices;

import static io.offsite.devices.Fixtures.MULTIPART;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.offsite.core.geo.GeoPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** ANPR alerts as a Huangyan camera pushes them: multipart with plate and vehicle pictures, or the XML alone. */
class IsapiAnprTest {
    private final IsapiParser parser = IsapiParser.create();

    @Test
    void multipartAnpr_yieldsPlateConfidenceTimeCameraAndBothPictures() {
        IsapiMessage m = parser.parse(MULTIPART, Fixtures.bytes("anpr-multipart.bin"));
        IsapiAlert a = m.alert();

        assertThat(m.xmlPart()).isZero();
        assertThat(a.namespace()).isEqualTo("http://www.isapi.org/ver20/XMLSchema");
        assertThat(a.ipAddress()).contains("10.33.100.21");
        assertThat(a.portNo()).hasValue(80);
        assertThat(a.protocol()).contains("HTTP");
        assertThat(a.macAddress()).contains("44:19:b6:3a:10:21");
        assertThat(a.channelId()).contains("1");
        assertThat(a.channelName()).contains("西城街-球机01");
        assertThat(a.dateTime()).isEqualTo(Instant.parse("2026-12-06T01:15:03Z"));
        assertThat(a.utcOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(a.activePostCount()).hasValue(1);
        assertThat(a.kind()).isEqualTo(IsapiEventKind.ANPR);
        assertThat(a.eventState()).isEqualTo(EventState.ACTIVE);
        assertThat(a.isHeartbeat()).isFalse();
        assertThat(a.uuid()).hasValueSatisfying(u -> assertThat(u).startsWith("2026120609150312000hyXcJ01"));
        assertThat(a.retransmission()).isFalse();

        AnprRead anpr = a.anpr().orElseThrow();
        assertThat(anpr.licensePlate()).contains("浙J12345");
        assertThat(anpr.confidence().getAsDouble()).isCloseTo(0.96, within(1e-9));
        assertThat(anpr.plateColor()).contains("blue");
        assertThat(anpr.vehicleType()).contains("vehicle");
        assertThat(anpr.direction()).contains("forward");
        assertThat(anpr.line()).hasValue(1);
        assertThat(anpr.pictures()).hasSize(2);

        assertThat(m.pictures()).extracting(Picture::name)
                .containsExactly("licensePlatePicture.jpg", "vehiclePicture.jpg");
        assertThat(m.pictures()).extracting(Picture::contentType).containsOnly("image/jpeg");
        assertThat(m.pictures().get(0).bytes()).isEqualTo(Fixtures.bytes("plate.jpg"));
        assertThat(m.pictures().get(1).bytes()).isEqualTo(Fixtures.bytes("vehicle.jpg"));
        assertThat(m.pictures().get(1).partIndex()).isEqualTo(2);
        assertThat(m.pictures().get(0).contentId()).contains("2026120609150312000hyXcJ01plate");
    }

    @Test
    void pictureInfo_leadsToItsPicturePart_andPlateRectScalesToPixels() {
        IsapiMessage m = parser.parse(MULTIPART, Fixtures.bytes("anpr-multipart.bin"));
        AnprPicture vehicle = m.alert().anpr().orElseThrow().pictures().get(1);

        assertThat(m.pictureFor(vehicle)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("vehiclePicture.jpg"));
        ImageBox rect = vehicle.plateRect().orElseThrow();
        assertThat(rect).isEqualTo(new ImageBox(438, 667, 125, 67, ImageBox.Unit.PER_MILLE));
        ImageBox px = rect.inPixels(160, 90);
        assertThat(px.unit()).isEqualTo(ImageBox.Unit.PIXELS);
        assertThat(px.x()).isCloseTo(70.08, within(1e-9));
        assertThat(px.height()).isCloseTo(6.03, within(1e-9));
        assertThat(m.alert().anpr().orElseThrow().pictures().get(0).plateRect()).isEmpty();
    }

    @Test
    void pictureInfo_matchesByPictureIdWhenNoPartHasItsFileName() {
        byte[] xml = Fixtures.bytes("anpr-xichengjie.xml");
        byte[] body = Fixtures.multipart("b0undary", "\r\n",
                "Content-Disposition: form-data; name=\"anpr.xml\"\nContent-Type: application/xml", xml,
                "Content-Disposition: form-data; name=\"pic1\"\nContent-Type: image/jpeg\n"
                        + "Content-ID: <2026120609150312000hyXcJ01plate>", Fixtures.bytes("plate.jpg"));
        IsapiMessage m = parser.parse("multipart/mixed; boundary=\"b0undary\"", body);

        AnprPicture plate = m.alert().anpr().orElseThrow().pictures().get(0);
        assertThat(m.pictureFor(plate)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("pic1"));
        assertThat(m.pictureFor(m.alert().anpr().orElseThrow().pictures().get(1))).isEmpty();
    }

    @Test
    void deviceGps_becomesWgs84DecimalDegreesNearHuangyan() {
        GeoPoint p = parser.parseXml(Fixtures.bytes("anpr-xichengjie.xml")).gps().orElseThrow();

        assertThat(p.lon()).isCloseTo(121.26, within(1e-9));
        assertThat(p.lat()).isCloseTo(28.64, within(1e-9));
    }

    @Test
    void xmlAlone_givesTheSameAlertAsTheMultipartXmlPart() {
        IsapiMessage alone = parser.parse("application/xml; charset=UTF-8", Fixtures.bytes("anpr-xichengjie.xml"));
        IsapiMessage multi = parser.parse(MULTIPART, Fixtures.bytes("anpr-multipart.bin"));

        assertThat(alone.alert()).isEqualTo(multi.alert());
        assertThat(alone.xmlPart()).isEqualTo(-1);
        assertThat(alone.pictures()).isEmpty();
    }

    @Test
    void elementsWithoutAField_areKeptInExtraByPath() {
        IsapiAlert a = parser.parseXml(Fixtures.bytes("anpr-xichengjie.xml"));

        assertThat(a.extra())
                .containsEntry("@version", "2.0")
                .containsEntry("ANPR/vehicleInfo/color", "white")
                .containsEntry("ANPR/plateCharBelieve", "99,98,97,99,96,95,99")
                .containsEntry("ANPR/pictureInfoList/pictureInfo[2]/dataType", "0")
                .containsEntry("ANPR/plateCategory", "")
                .containsEntry("picNum", "2")
                .containsEntry("monitoringSiteID", "331003-XCJ-01")
                .doesNotContainKeys("ANPR/licensePlate", "dateTime", "channelName", "DeviceGPSInfo/longitudeType",
                        "ANPR/pictureInfoList/pictureInfo[2]/plateRect/X");
    }

    @Test
    void confidenceAbove100_isRefusedNamingTheElement() {
        assertThatThrownBy(() -> parser.parseXml(Fixtures.bytes("anpr-confidence-140.xml")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.where()).isEqualTo("EventNotificationAlert/ANPR/confidenceLevel");
                    assertThat(e.getMessage()).contains("140").contains("0..100");
                });
    }

    @Test
    void confidenceBelowZeroOrNotANumber_isRefused() {
        String xml = Fixtures.text("anpr-xichengjie.xml");
        for (String bad : new String[] {"-1", "ninety", "NaN", "1e3"}) {
            byte[] doc = Fixtures.utf8(xml.replace("<confidenceLevel>96<", "<confidenceLevel>" + bad + "<"));
            assertThatThrownBy(() -> parser.parseXml(doc)).as(bad)
                    .isInstanceOfSatisfying(DeviceMessageException.class,
                            e -> assertThat(e.where()).endsWith("ANPR/confidenceLevel"));
        }
    }

    @Test
    void unreadPlate_isEmptyAndAllZeroPlateRectIsNoBox() {
        String xml = Fixtures.text("anpr-xichengjie.xml")
                .replace("<licensePlate>浙J12345<", "<licensePlate>unknown<")
                .replace("<confidenceLevel>96<", "<confidenceLevel>0<")
                .replaceAll("<X>438</X>\\s*<Y>667</Y>\\s*<width>125</width>\\s*<height>67</height>",
                        "<X>0</X><Y>0</Y><width>0</width><height>0</height>");
        AnprRead anpr = parser.parseXml(Fixtures.utf8(xml)).anpr().orElseThrow();

        assertThat(anpr.licensePlate()).isEmpty();
        assertThat(anpr.confidence()).hasValue(0.0);
        assertThat(anpr.pictures().get(1).plateRect()).isEmpty();
    }

    @Test
    void chineseNoPlateMarker_isEmptyPlate() {
        String xml = Fixtures.text("anpr-xichengjie.xml").replace("<licensePlate>浙J12345<", "<licensePlate>无车牌<");

        assertThat(parser.parseXml(Fixtures.utf8(xml)).anpr().orElseThrow().licensePlate()).isEmpty();
    }
}
