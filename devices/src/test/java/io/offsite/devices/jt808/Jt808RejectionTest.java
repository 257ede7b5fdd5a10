package io.offsite.devices.jt808;

import static io.offsite.devices.jt808.Jt808KnownBytesTest.wrap;
import static io.offsite.devices.jt808.Jt808Samples.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.devices.DeviceMessageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each kind of bad frame is a DeviceMessageException naming where, why and the byte offset. */
class Jt808RejectionTest {
    private static final String LOCATION_BODY = "00000000 00000003 01B5037E 073A47E0 000C 01C2 005A 260315083000";
    private final Jt808Codec codec = Jt808Codec.create();

    private static DeviceMessageException refused(ThrowingCallable call) {
        Throwable[] seen = new Throwable[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(DeviceMessageException.class, e -> seen[0] = e);
        return (DeviceMessageException) seen[0];
    }

    private DeviceMessageException decoding(String contentHex) {
        return refused(() -> codec.decode(wrap(hex(contentHex))));
    }

    @Test
    void badCheckCode_namesExpectedAndSeen() {
        DeviceMessageException e = refused(() -> codec.decode(hex("7E 0002 0000 013305760001 0001 44 7E")));

        assertThat(e.where()).isEqualTo("jt808/header/checkCode");
        assertThat(e.byteOffset()).isEqualTo(12);
        assertThat(e.getMessage()).contains("expected 0x43").contains("seen 0x44");
    }

    @Test
    void truncatedHeader_isRefused() {
        DeviceMessageException e = decoding("0002 0000 013305");

        assertThat(e.where()).isEqualTo("jt808/header/phone");
        assertThat(e.getMessage()).contains("terminal phone needs 6 bytes, only 3 left (truncated)");
    }

    @Test
    void truncatedBody_isRefused() {
        DeviceMessageException e = decoding("0200 000A 013305760001 0001 00000000 00000003 01B5");

        assertThat(e.where()).isEqualTo("jt808/0x0200");
        assertThat(e.byteOffset()).isEqualTo(12);
        assertThat(e.getMessage()).contains("location basic information needs 28 bytes, only 10 left");
    }

    @Test
    void bodyLengthFieldDifferentFromTheBody_isRefused() {
        DeviceMessageException e = decoding("0002 0005 013305760001 0001");

        assertThat(e.where()).isEqualTo("jt808/header/bodyLength");
        assertThat(e.getMessage()).contains("body length field 5 differs from the 0 body bytes");
    }

    @Test
    void oversizedFrame_isRefusedBeforeReadingIt() {
        Jt808Codec small = Jt808Codec.builder().maxFrameBytes(64).build();
        byte[] frame = codec.encode(new UnknownMessage(Jt808Samples.header(0x0900, Jt808Version.V2013, 1),
                new byte[60]));

        DeviceMessageException e = refused(() -> small.decode(frame));
        assertThat(e.where()).isEqualTo("jt808/frame");
        assertThat(e.getMessage()).contains("frame of 73 bytes between the flags is larger than maxFrameBytes 64");
    }

    @Test
    void oversizedEscapedFrame_isRefusedOnItsWireLength() {
        Jt808Codec small = Jt808Codec.builder().maxFrameBytes(20).build();
        byte[] frame = new byte[50];
        java.util.Arrays.fill(frame, (byte) 0x7D);
        frame[0] = 0x7E;
        frame[49] = 0x7E;

        assertThat(refused(() -> small.decode(frame)).getMessage()).contains("48 bytes").contains("maxFrameBytes 20");
    }

    @Test
    void badBcdDigitInThePhone_namesTheNibble() {
        DeviceMessageException e = decoding("0002 0000 0133057600A1 0001");

        assertThat(e.where()).isEqualTo("jt808/header/phone");
        assertThat(e.byteOffset()).isEqualTo(9);
        assertThat(e.getMessage()).contains("bad BCD digit 0xA in byte 0xA1");
    }

    @Test
    void badBcdDigitInTheTime_isRefused() {
        DeviceMessageException e = decoding("0200 001C 013305760001 0001 00000000 00000003 01B5037E 073A47E0"
                + " 000C 01C2 005A 2603150830F0");

        assertThat(e.where()).isEqualTo("jt808/0x0200/time");
        assertThat(e.getMessage()).contains("bad BCD digit 0xF");
    }

    @Test
    void impossibleDate_isRefused() {
        DeviceMessageException e = decoding("0200 001C 013305760001 0001 00000000 00000003 01B5037E 073A47E0"
                + " 000C 01C2 005A 260231083000");

        assertThat(e.where()).isEqualTo("jt808/0x0200/time");
        assertThat(e.getMessage()).contains("26-02-31 08:30:00 is not a valid date and time");
    }

    @Test
    void headingOver359_isRefused() {
        assertThat(decoding("0200 001C 013305760001 0001 00000000 00000003 01B5037E 073A47E0 000C 01C2 0168"
                + " 260315083000").getMessage()).contains("heading 360 outside 0..359");
    }

    @Test
    void latitudeOver90Degrees_isRefused() {
        assertThat(decoding("0200 001C 013305760001 0001 00000000 00000003 05F5E101 073A47E0 000C 01C2 005A"
                + " 260315083000").getMessage()).contains("latitude 100000001");
    }

    @Test
    void truncatedAdditionalItem_namesTheItem() {
        DeviceMessageException e = decoding("0200 0023 013305760001 0001 " + LOCATION_BODY + " 30011F 0104 0000");

        assertThat(e.where()).isEqualTo("jt808/0x0200/item[1]");
        assertThat(e.getMessage()).contains("additional item 0x1 needs 4 bytes, only 2 left");
    }

    @Test
    void trailingBytesAfterAHeartbeat_areRefused() {
        assertThat(decoding("0002 0002 013305760001 0001 ABCD").getMessage()).contains("2 unexpected trailing bytes");
    }

    @Test
    void missingFlags_areRefused() {
        assertThat(refused(() -> codec.decode(hex("0002 0000 013305760001 0001 43"))).getMessage())
                .contains("starts and ends with the flag 0x7E");
        assertThat(refused(() -> codec.decode(hex("7E"))).where()).isEqualTo("jt808/frame");
        assertThat(refused(() -> codec.decode(hex("7E 7E"))).where()).isEqualTo("jt808/header");
    }

    @Test
    void subPackageIndexBeyondTotal_isRefused() {
        DeviceMessageException e = decoding("0801 2000 013305760001 0001 0003 0004");

        assertThat(e.where()).isEqualTo("jt808/header/subPackage");
        assertThat(e.getMessage()).contains("sub-package 4 of 3");
    }

    @Test
    void subPackageTotalOverTheLimit_isRefused() {
        Jt808Codec strict = Jt808Codec.builder().maxSubPackages(8).build();

        assertThat(refused(() -> strict.decode(wrap(hex("0801 2000 013305760001 0001 0009 0001")))).getMessage())
                .contains("1..8 (maxSubPackages)");
    }

    @Test
    void encryptedBody_isRefused() {
        assertThat(decoding("0200 0400 013305760001 0001").where()).isEqualTo("jt808/header/encryption");
    }

    @Test
    void plateThatIsNotGbk_isRefused() {
        DeviceMessageException e = decoding("0100 0028 013305760001 0001 0021 03EB 3730303333"
                + " 5A54383038000000000000000000000000000000 54303030314100 02 D5E3FF");

        assertThat(e.where()).isEqualTo("jt808/0x0100/plate");
        assertThat(e.getMessage()).contains("not valid GBK");
    }

    @Test
    void unknownRegistrationResult_isRefused() {
        assertThat(decoding("8100 0003 013305760001 0001 0005 09").getMessage())
                .contains("registration result 9 outside 0..4");
    }

    @Test
    void terminalResponseWithAlarmAck_isRefused() {
        assertThat(decoding("0001 0005 013305760001 0001 0005 8103 04").getMessage())
                .contains("result 4 outside 0..3");
    }

    @Test
    void batchItemLongerThanTheBody_isRefused() {
        DeviceMessageException e = decoding("0704 0009 013305760001 0001 0001 00 0040 0000 0000");

        assertThat(e.where()).isEqualTo("jt808/0x0704/location[0]");
        assertThat(e.getMessage()).contains("location body needs 64 bytes");
    }
}
