package io.offsite.devices.jt808;

import static io.offsite.devices.jt808.Jt808Samples.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.devices.DeviceMessageException;
import org.junit.jupiter.api.Test;

/** 0x7E and 0x7D inside header, body and check code are escaped; bad escapes are refused with their offset. */
class Jt808EscapingTest {
    private final Jt808Codec codec = Jt808Codec.create();

    @Test
    void flagAndEscapeInTheBody_areEscapedInOrder() {
        UnknownMessage m = new UnknownMessage(Jt808Samples.header(0x0900, Jt808Version.V2013, 1),
                new byte[] {0x7E, 0x7D, 0x7D, 0x7E});
        String frame = hex(codec.encode(m));

        assertThat(frame).contains("7D 02 7D 01 7D 01 7D 02");
        assertThat(codec.decode(hex(frame))).isEqualTo(m);
    }

    @Test
    void checkCodeOf0x7E_isEscaped() {
        // 2013 heartbeat serial 0x003C: the XOR of 0002 0000 013305760001 003C is 0x7E
        byte[] frame = codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2013, 0x3C)));

        assertThat(hex(frame)).isEqualTo("7E 00 02 00 00 01 33 05 76 00 01 00 3C 7D 02 7E");
        assertThat(codec.decode(frame).header().serial()).isEqualTo(0x3C);
    }

    @Test
    void checkCodeOf0x7D_isEscaped() {
        byte[] frame = codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2013, 0x3F)));

        assertThat(hex(frame)).isEqualTo("7E 00 02 00 00 01 33 05 76 00 01 00 3F 7D 01 7E");
        assertThat(codec.decode(frame).header().serial()).isEqualTo(0x3F);
    }

    @Test
    void serialOf0x7E7D_inTheHeader_isEscaped() {
        byte[] frame = codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2013, 0x7E7D)));

        assertThat(hex(frame)).startsWith("7E 00 02 00 00 01 33 05 76 00 01 7D 02 7D 01");
        assertThat(codec.decode(frame).header().serial()).isEqualTo(0x7E7D);
    }

    @Test
    void escapeFollowedByAnUndefinedByte_isRefusedWithItsOffset() {
        assertThatThrownBy(() -> codec.decode(hex("7E 00 02 00 00 01 33 05 76 00 01 00 3D 7D 03 7E")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.where()).isEqualTo("jt808/frame");
                    assertThat(e.byteOffset()).isEqualTo(13);
                    assertThat(e.getMessage()).contains("bad escape: 0x7D followed by 0x03 at offset 13");
                });
    }

    @Test
    void escapeRightBeforeTheClosingFlag_isRefused() {
        assertThatThrownBy(() -> codec.decode(hex("7E 00 02 00 00 01 33 05 76 00 01 00 3D 7D 7E")))
                .isInstanceOf(DeviceMessageException.class)
                .hasMessageContaining("0x7D followed by the closing flag at offset 13");
    }

    @Test
    void unescapedFlagInsideTheFrame_isRefused() {
        assertThatThrownBy(() -> codec.decode(hex("7E 00 02 00 00 7E 33 05 76 00 01 00 01 43 7E")))
                .isInstanceOfSatisfying(DeviceMessageException.class, e -> {
                    assertThat(e.byteOffset()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("flag 0x7E inside the frame");
                });
    }

    @Test
    void largestBodyOfFlags_doublesOnTheWireAndStillDecodes() {
        byte[] body = new byte[1023];
        java.util.Arrays.fill(body, (byte) 0x7E);
        UnknownMessage all = new UnknownMessage(Jt808Samples.header(0x0900, Jt808Version.V2019, 0x7D7D), body);
        byte[] frame = codec.encode(all);

        assertThat(frame.length).isGreaterThan(2 * 1023);
        assertThat(codec.decode(frame)).isEqualTo(all);
    }
}
