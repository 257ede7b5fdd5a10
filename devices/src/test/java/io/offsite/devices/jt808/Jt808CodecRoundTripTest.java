package io.offsite.devices.jt808;

import static io.offsite.devices.jt808.Jt808Samples.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type, in both editions: encode then decode gives the same record. */
class Jt808CodecRoundTripTest {
    private final Jt808Codec codec = Jt808Codec.create();

    static Stream<Jt808Message> messages() {
        return Stream.of(Jt808Version.values()).flatMap(v -> Stream.of(
                Jt808Samples.report(v, 1),
                new LocationReport(header(0x0200, v, 2), new Location(0x0000_0003, 0b1111, -28.640126, -121.263456,
                        -5, 0.1, 359, Jt808Samples.beijing(12, 31, 23, 59, 59), List.of())),
                new BatchLocationUpload(header(0x0704, v, 3), BatchLocationUpload.Type.BLIND_AREA,
                        List.of(Jt808Samples.location(), new Location(2, 2, 28.64, 121.2577, 8, 30.5, 180,
                                Jt808Samples.beijing(3, 15, 8, 30, 30), List.of()))),
                new BatchLocationUpload(header(0x0704, v, 4), BatchLocationUpload.Type.NORMAL,
                        List.of(Jt808Samples.location())),
                Jt808Samples.registration(v, 5),
                new TerminalRegistration(header(0x0100, v, 6), 33, 1003, "", "", "", 0, "LZZ5BLSJ9JN123456"),
                Jt808Samples.authentication(v, 7, "7E7D0A1B2C3D4E5F"),
                new Heartbeat(header(0x0002, v, 8)),
                new TerminalGeneralResponse(header(0x0001, v, 9), 17, 0x8103, Jt808Result.UNSUPPORTED),
                new PlatformGeneralResponse(header(0x8001, v, 0x7E7D), 0x7D7E, 0x0200, Jt808Result.ALARM_ACK),
                new RegistrationResponse(header(0x8100, v, 11), 5, RegistrationResult.SUCCESS, "A1B2C3D4"),
                new RegistrationResponse(header(0x8100, v, 12), 5, RegistrationResult.VEHICLE_ALREADY_REGISTERED, ""),
                new UnknownMessage(header(0x0003, v, 13), new byte[0]),
                new UnknownMessage(header(0x0900, v, 14), new byte[] {0x7E, 0x7D, 0x01, 0x02, (byte) 0xFF}),
                new SubPackage(new Jt808Header(0x0801, v, v == Jt808Version.V2019 ? 1 : 0, "13305760001", 15, 0, 3, 2),
                        new byte[] {1, 2, 3, 0x7E})));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodeThenDecode_givesTheSameMessage(Jt808Message m) {
        byte[] frame = codec.encode(m);

        assertThat(codec.decode(frame, 0, frame.length)).isEqualTo(m);
        assertThat(frame[0]).isEqualTo((byte) 0x7E);
        assertThat(frame[frame.length - 1]).isEqualTo((byte) 0x7E);
        for (int i = 1; i < frame.length - 1; i++) {
            assertThat(frame[i]).as("byte %d", i).isNotEqualTo((byte) 0x7E);
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void decode_readsAFrameInsideALargerBuffer(Jt808Message m) {
        byte[] frame = codec.encode(m);
        byte[] buffer = new byte[frame.length + 7];
        System.arraycopy(frame, 0, buffer, 3, frame.length);

        assertThat(codec.decode(buffer, 3, frame.length)).isEqualTo(m);
    }

    @ParameterizedTest
    @EnumSource(Jt808Version.class)
    void editionIsReadFromTheVersionFlag(Jt808Version v) {
        Jt808Message m = codec.decode(codec.encode(new Heartbeat(header(0x0002, v, 1))));

        assertThat(m.header().version()).isEqualTo(v);
        assertThat(m.header().phone()).hasSize(v.phoneDigits()).endsWith("013305760001");
    }
}
