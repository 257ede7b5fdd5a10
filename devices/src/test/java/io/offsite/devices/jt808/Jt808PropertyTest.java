package io.offsite.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties over generated locations and streams: round trips, and frames independent of how reads cut them. */
class Jt808PropertyTest {
    private static final long FIRST_2000 = Instant.parse("1999-12-31T16:00:00Z").getEpochSecond();
    private static final long LAST_2099 = Instant.parse("2099-12-31T15:59:59Z").getEpochSecond();
    private final Jt808Codec codec = Jt808Codec.create();

    /** Locations anywhere, a third with a latitude whose low byte is 0x7E or 0x7D (escaped on the wire). */
    static Gen<LocationReport> reports() {
        Gen<int[]> position = integers().between(0, 350_000).zip(integers().between(0, 180_000_000),
                integers().between(0, 2), integers().between(0, 15), integers().between(-32768, 32767),
                (lat, lon, esc, bits, alt) -> new int[] {lat * 256 + (esc == 0 ? 0x7E : esc == 1 ? 0x7D : lat % 256),
                    lon, bits, alt});
        Gen<long[]> motion = integers().between(0, 65535).zip(integers().between(0, 359),
                longs().between(FIRST_2000, LAST_2099), integers().all(), longs().all(),
                (speed, heading, time, alarm, itemSeed) -> new long[] {speed, heading, time, alarm, itemSeed});
        Gen<Jt808Version> versions = arbitrary().enumValues(Jt808Version.class);
        return position.zip(motion, versions, (p, m, v) -> {
            int status = p[2] | 0x0C0000;
            double lat = p[0] / 1e6;
            double lon = p[1] / 1e6;
            Random r = new Random(m[4]);
            List<AdditionalItem> items = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                byte[] value = new byte[r.nextInt(12)];
                r.nextBytes(value);
                items.add(new AdditionalItem(r.nextInt(256), value));
            }
            Location l = new Location((int) m[3], status, (status & 4) != 0 ? -lat : lat,
                    (status & 8) != 0 ? -lon : lon, p[3], m[0] / 10.0, (int) m[1], Instant.ofEpochSecond(m[2]), items);
            return new LocationReport(Jt808Header.of(0x0200, v, "13305760" + (int) (m[0] % 10_000), (int) m[0]), l);
        });
    }

    @Test
    void anyLocationReport_roundTripsAndNeverShowsAFlagInside() {
        int[] escaped = new int[2];
        qt().withExamples(2000).forAll(reports()).checkAssert(r -> {
            byte[] frame = codec.encode(r);
            assertThat(codec.decode(frame)).isEqualTo(r);
            for (int i = 1; i < frame.length - 1; i++) {
                assertThat(frame[i]).isNotEqualTo((byte) 0x7E);
            }
            escaped[0]++;
            escaped[1] += frame.length > 2 + 12 + 28 + 1 + r.location().items().size() * 2 + itemBytes(r)
                    + (r.header().version() == Jt808Version.V2019 ? 5 : 0) ? 1 : 0;
        });
        // the generator must reach the escaping path often, or the property says little about it
        assertThat(escaped[1]).isGreaterThan(escaped[0] / 4);
    }

    @Test
    void frameReader_givesTheSameFramesHoweverTheStreamIsCut() {
        Gen<List<LocationReport>> batches = reports().zip(reports(), reports(), List::of);
        qt().withExamples(300).forAll(batches, longs().all()).checkAssert((reports, cutSeed) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<byte[]> expected = new ArrayList<>();
            for (LocationReport r : reports) {
                byte[] f = codec.encode(r);
                expected.add(f);
                out.writeBytes(f);
            }
            byte[] stream = out.toByteArray();
            Jt808FrameReader reader = Jt808FrameReader.forCodec(codec);
            Random cuts = new Random(cutSeed);
            List<byte[]> frames = new ArrayList<>();
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + cuts.nextInt(40));
                Jt808FrameReader.Chunk chunk = reader.feed(stream, at, n);
                assertThat(chunk.rejects()).isEmpty();
                frames.addAll(chunk.frames());
                at += n;
            }
            assertThat(frames).containsExactlyElementsOf(expected);
        });
    }

    private static int itemBytes(LocationReport r) {
        return r.location().items().stream().mapToInt(AdditionalItem::length).sum();
    }
}
