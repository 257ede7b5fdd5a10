package io.offsite.devices.jt808;

import static io.offsite.devices.jt808.Jt808Samples.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Frames written out by hand from the standard, field by field; the check codes are verified by the test's own XOR
 * over the documented bytes, independent of the codec.
 */
class Jt808KnownBytesTest {
    /**
     * 2013 location report, terminal 013305760001, serial 42:
     * <pre>
     * 0200 0028 013305760001 002A          id, properties (body 40 bytes), BCD phone, serial
     * 00000000 00000003                    alarm 0, status ACC on + positioned
     * 01B5037E 073A47E0                    28.640126 N (0x7E escaped as 7D 02), 121.260000 E
     * 000C 01C2 005A                       12 m, 45.0 km/h, heading 90
     * 260315083000                         2026-03-15 08:30:00 UTC+8
     * 01 04 000004D2 / 30 01 1F / 31 01 0C  mileage 123.4 km, signal 31, 12 satellites
     * 4C                                   XOR check code
     * </pre>
     */
    static final String LOCATION_2013 = "7E 0200 0028 013305760001 002A 00000000 00000003 01B5037D02 073A47E0"
            + " 000C 01C2 005A 260315083000 0104000004D2 30011F 31010C 4C 7E";
    /** 2019 heartbeat: 0002 4000 (version flag, empty body), version 1, 20-digit BCD phone, serial 7, check 04. */
    static final String HEARTBEAT_2019 = "7E 0002 4000 01 00000000013305760001 0007 04 7E";
    /** 2013 heartbeat: 0002 0000 013305760001 0001, check 43. */
    static final String HEARTBEAT_2013 = "7E 0002 0000 013305760001 0001 43 7E";

    private final Jt808Codec codec = Jt808Codec.create();

    @Test
    void documentedCheckCodes_areTheXorOfHeaderAndBody() {
        assertThat(xorOfContent(LOCATION_2013)).isEqualTo(0x4C);
        assertThat(xorOfContent(HEARTBEAT_2019)).isEqualTo(0x04);
        assertThat(xorOfContent(HEARTBEAT_2013)).isEqualTo(0x43);
    }

    @Test
    void locationReport2013_decodesFieldByField() {
        LocationReport r = (LocationReport) codec.decode(hex(LOCATION_2013));
        Location l = r.location();

        assertThat(r.header()).isEqualTo(new Jt808Header(0x0200, Jt808Version.V2013, 0, "013305760001", 42, 0, 0, 0));
        assertThat(l.accOn()).isTrue();
        assertThat(l.positioned()).isTrue();
        assertThat(l.southLatitude()).isFalse();
        assertThat(l.latitude()).isEqualTo(28.640126);
        assertThat(l.longitude()).isEqualTo(121.26);
        assertThat(l.altitudeMeters()).isEqualTo(12);
        assertThat(l.speedKmh()).isEqualTo(45.0);
        assertThat(l.heading()).isEqualTo(90);
        assertThat(l.time()).isEqualTo(Instant.parse("2026-03-15T00:30:00Z"));
        assertThat(l.items()).extracting(AdditionalItem::id).containsExactly(0x01, 0x30, 0x31);
        assertThat(l.items().get(0).value()).containsExactly(0, 0, 0x04, 0xD2);
        assertThat(l).isEqualTo(Jt808Samples.location());
    }

    @Test
    void locationReport2013_encodesToTheDocumentedBytes() {
        assertThat(hex(codec.encode(Jt808Samples.report(Jt808Version.V2013, 42))))
                .isEqualTo(hex(hex(LOCATION_2013)));
    }

    @Test
    void heartbeats_encodeToTheDocumentedBytesInBothEditions() {
        assertThat(hex(codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2019, 7)))))
                .isEqualTo(hex(hex(HEARTBEAT_2019)));
        assertThat(hex(codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2013, 1)))))
                .isEqualTo(hex(hex(HEARTBEAT_2013)));
        assertThat(codec.decode(hex(HEARTBEAT_2019)).header().phone()).isEqualTo("00000000013305760001");
    }

    @Test
    void southAndWestBits_makeTheCoordinatesNegative() {
        // status 0x0000000F: ACC, positioned, south, west; same coordinates as LOCATION_2013
        String body = "00000000 0000000F 01B5037E 073A47E0 000C 01C2 005A 260315083000";
        byte[] content = hex("0200 001C 013305760001 0001 " + body);
        Location l = ((LocationReport) codec.decode(wrap(content))).location();

        assertThat(l.southLatitude()).isTrue();
        assertThat(l.westLongitude()).isTrue();
        assertThat(l.latitude()).isEqualTo(-28.640126);
        assertThat(l.longitude()).isEqualTo(-121.26);
    }

    /** Adds the check code, escapes and flags the content by hand (a second, independent encoder). */
    static byte[] wrap(byte[] content) {
        int xor = 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x7E);
        for (int i = 0; i <= content.length; i++) {
            int b = i < content.length ? content[i] & 0xFF : xor;
            xor ^= i < content.length ? b : 0;
            if (b == 0x7E || b == 0x7D) {
                out.write(0x7D);
                out.write(b == 0x7E ? 0x02 : 0x01);
            } else {
                out.write(b);
            }
        }
        out.write(0x7E);
        return out.toByteArray();
    }

    private static int xorOfContent(String frameHex) {
        byte[] f = hex(frameHex.replace("7D02", "7E").replace("7D01", "7D"));
        int x = 0;
        for (int i = 1; i < f.length - 2; i++) {
            x ^= f[i] & 0xFF;
        }
        return x;
    }
}
