package io.offsite.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.offsite.devices.DeviceMessageException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the codec, the frame reader and the session: random frames, mutated frames with a broken check
 * code, and mutated contents re-wrapped with a correct check code (so the body decoders see them). Whatever the
 * bytes, the result is a message or a {@link DeviceMessageException}, never anything else. Reproduce a failure with
 * the printed seed and case.
 */
class Jt808CodecFuzzTest {
    private static final long SEED = 0x331003_0808_2026L;
    private static final int CASES = 4000;
    private final Jt808Codec codec = Jt808Codec.create();

    private List<byte[]> contents() {
        List<Jt808Message> samples = Jt808CodecRoundTripTest.messages().toList();
        return samples.stream().map(m -> unwrap(codec.encode(m))).toList();
    }

    /** Header, body and check code, unescaped, without flags. */
    private static byte[] unwrap(byte[] frame) {
        byte[] out = new byte[frame.length];
        int n = 0;
        for (int i = 1; i < frame.length - 1; i++) {
            if (frame[i] == 0x7D) {
                out[n++] = (byte) (frame[++i] == 1 ? 0x7D : 0x7E);
            } else {
                out[n++] = frame[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    @Test
    void randomAndMutatedFrames_decodeOrThrowOnlyDeviceMessageException() {
        List<byte[]> contents = contents();
        Random random = new Random(SEED);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] frame;
            int kind = random.nextInt(10);
            if (kind == 0) {
                frame = new byte[random.nextInt(80)];
                random.nextBytes(frame);
                if (frame.length > 0) {
                    frame[0] = 0x7E;
                    frame[frame.length - 1] = 0x7E;
                }
            } else {
                byte[] content = contents.get(random.nextInt(contents.size()));
                int mutations = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
                for (int m = 0; m < mutations; m++) {
                    content = mutate(content, random);
                }
                // kind 1-2: raw mutation (check code usually wrong); otherwise the check code is made right
                frame = kind <= 2 ? Jt808KnownBytesTest.wrap(content)
                        : Jt808KnownBytesTest.wrap(Arrays.copyOf(content, Math.max(0, content.length - 1)));
                if (kind == 9 && frame.length > 2) {
                    frame[1 + random.nextInt(frame.length - 2)] = (byte) (random.nextBoolean() ? 0x7D : 0x7E);
                }
            }
            try {
                Jt808Message m = codec.decode(frame, 0, frame.length);
                assertThat(m.header()).isNotNull();
                if (!(m instanceof SubPackage)) {
                    assertThat(codec.decode(codec.encode(m))).as("case %d re-encodes", i).isEqualTo(m);
                }
                decoded++;
            } catch (DeviceMessageException e) {
                assertThat(e.where()).as("case %d", i).startsWith("jt808/");
                refused++;
            } catch (RuntimeException | Error e) {
                fail("seed " + SEED + " case " + i + " threw " + e + "\nframe: " + Jt808Samples.hex(frame), e);
            }
        }
        System.out.printf("JT/T 808 fuzz: %d cases, %d decoded, %d refused%n", CASES, decoded, refused);
        assertThat(decoded).isGreaterThan(CASES / 10);
        assertThat(refused).isGreaterThan(CASES / 10);
    }

    @Test
    void randomStreams_intoASession_neverThrow() {
        List<byte[]> contents = contents();
        Random random = new Random(SEED + 1);
        InMemoryJt808Terminals terminals = InMemoryJt808Terminals.open();
        terminals.preRegister(Jt808Samples.PHONE, "7E7D0A1B2C3D4E5F");
        for (int s = 0; s < 50; s++) {
            Jt808Session session = Jt808Session.builder(terminals).codec(codec).build();
            java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
            for (int f = 0; f < 40; f++) {
                byte[] content = contents.get(random.nextInt(contents.size()));
                if (random.nextInt(3) == 0) {
                    content = mutate(content, random);
                }
                stream.writeBytes(Jt808KnownBytesTest.wrap(Arrays.copyOf(content, Math.max(0, content.length - 1))));
                if (random.nextInt(8) == 0) {
                    byte[] junk = new byte[random.nextInt(20)];
                    random.nextBytes(junk);
                    stream.writeBytes(junk);
                }
            }
            byte[] bytes = stream.toByteArray();
            int at = 0;
            try {
                while (at < bytes.length) {
                    int n = Math.min(bytes.length - at, 1 + random.nextInt(300));
                    Jt808Session.Output out = session.onBytes(bytes, at, n);
                    out.replies().forEach(r -> assertThat(codec.decode(r).header().messageId()).isIn(0x8001, 0x8100));
                    at += n;
                }
            } catch (RuntimeException | Error e) {
                fail("seed " + (SEED + 1) + " stream " + s + " at " + at + " threw " + e, e);
            }
        }
    }

    private static byte[] mutate(byte[] in, Random r) {
        if (in.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(in.length);
        byte[] out = in.clone();
        switch (r.nextInt(6)) {
            case 0 -> out[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> out[at] = (byte) r.nextInt(256);
            case 2 -> {
                return Arrays.copyOf(in, at);
            }
            case 3 -> {
                byte[] longer = Arrays.copyOf(in, in.length + 1 + r.nextInt(8));
                System.arraycopy(in, at, longer, longer.length - (in.length - at), in.length - at);
                return longer;
            }
            case 4 -> out[Math.min(3, in.length - 1)] = (byte) r.nextInt(256);  // body properties
            default -> out[at] = (byte) (0x7D + r.nextInt(2));
        }
        return out;
    }
}
