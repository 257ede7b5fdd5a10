package io.offsite.devices.jt808;

import static io.offsite.devices.jt808.Jt808Samples.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.devices.DeviceMessageException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader cuts a TCP byte stream into frames however the reads split it. */
class Jt808FrameReaderTest {
    private final Jt808Codec codec = Jt808Codec.create();
    private final byte[] location = codec.encode(Jt808Samples.report(Jt808Version.V2013, 1));
    private final byte[] heartbeat = codec.encode(new Heartbeat(Jt808Samples.header(0x0002, Jt808Version.V2019, 2)));
    private final byte[] registration = codec.encode(Jt808Samples.registration(Jt808Version.V2019, 3));

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void byteAtATime_yieldsEachFrameWhenItsClosingFlagArrives() {
        Jt808FrameReader reader = Jt808FrameReader.forCodec(codec);
        byte[] stream = concat(location, heartbeat, registration);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            Jt808FrameReader.Chunk chunk = reader.feed(stream, i, 1);
            assertThat(chunk.rejects()).isEmpty();
            if (i == location.length - 1) {
                assertThat(chunk.frames()).hasSize(1);
            }
            frames.addAll(chunk.frames());
        }

        assertThat(frames).containsExactly(location, heartbeat, registration);
        assertThat(reader.pending()).isZero();
    }

    @Test
    void severalFramesInOneRead_allComeOutInOrder() {
        Jt808FrameReader.Chunk chunk = Jt808FrameReader.forCodec(codec)
                .feed(concat(heartbeat, location, heartbeat, registration));

        assertThat(chunk.frames()).containsExactly(heartbeat, location, heartbeat, registration);
        assertThat(chunk.rejects()).isEmpty();
    }

    @Test
    void frameSplitAcrossReads_isJoined() {
        Jt808FrameReader reader = Jt808FrameReader.forCodec(codec);
        byte[] stream = concat(location, heartbeat);
        int cut = location.length + 5;

        assertThat(reader.feed(stream, 0, cut).frames()).containsExactly(location);
        assertThat(reader.pending()).isEqualTo(5);
        assertThat(reader.feed(stream, cut, stream.length - cut).frames()).containsExactly(heartbeat);
    }

    @Test
    void junkBeforeAFlag_isSkippedAndReported() {
        byte[] junk = "GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Jt808FrameReader.Chunk chunk = Jt808FrameReader.forCodec(codec).feed(concat(junk, heartbeat));

        assertThat(chunk.frames()).containsExactly(heartbeat);
        assertThat(chunk.rejects()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo("jt808/stream");
            assertThat(e.byteOffset()).isZero();
            assertThat(e.getMessage()).contains("skipped " + junk.length + " bytes");
        });
    }

    @Test
    void junkBetweenFrames_doesNotSwallowTheNextFrame() {
        Jt808FrameReader.Chunk chunk = Jt808FrameReader.forCodec(codec)
                .feed(concat(heartbeat, hex("01 02 03"), location));

        assertThat(chunk.frames()).containsExactly(heartbeat, location);
        assertThat(chunk.rejects()).extracting(DeviceMessageException::getMessage)
                .singleElement().asString().contains("skipped 3 bytes");
    }

    @Test
    void shortFragmentBetweenFlags_isTakenAsJunkAndTheFlagReopens() {
        // a lost closing flag's tail: "7E 01 02 7E" is too short to be a frame; the second 7E opens the next one
        byte[] stream = concat(hex("7E 01 02"), heartbeat);
        Jt808FrameReader.Chunk chunk = Jt808FrameReader.forCodec(codec).feed(stream);

        assertThat(chunk.frames()).containsExactly(heartbeat);
        assertThat(chunk.rejects()).hasSize(1);
    }

    @Test
    void overLongFrameWithoutClosingFlag_isDroppedAndTheReaderResynchronises() {
        Jt808FrameReader reader = Jt808FrameReader.create(64);
        byte[] garbage = new byte[200];
        java.util.Arrays.fill(garbage, (byte) 0x33);
        garbage[0] = 0x7E;

        Jt808FrameReader.Chunk first = reader.feed(garbage);
        assertThat(first.frames()).isEmpty();
        assertThat(first.rejects()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo("jt808/frame");
            assertThat(e.getMessage()).contains("longer than 64 bytes without a closing flag");
        });
        Jt808FrameReader.Chunk next = reader.feed(concat(hex("33 33"), heartbeat, heartbeat));
        assertThat(next.frames()).containsExactly(heartbeat, heartbeat);
        assertThat(next.rejects()).isEmpty();
    }

    @Test
    void doubledFlags_betweenFrames_areHarmless() {
        Jt808FrameReader.Chunk chunk = Jt808FrameReader.forCodec(codec)
                .feed(concat(hex("7E 7E 7E"), heartbeat, hex("7E"), location));

        assertThat(chunk.frames()).containsExactly(heartbeat, location);
        assertThat(chunk.rejects()).isEmpty();
    }
}
