package io.offsite.geofence.truck;

import static io.offsite.geofence.truck.TruckFixtures.T0;
import static io.offsite.geofence.truck.TruckFixtures.TRUCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The track extract's canonical order, bytes and SHA-256. */
class TrackExtractTest {
    private static List<TruckPosition> track() {
        List<TruckPosition> ps = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            ps.add(TruckPosition.of(TRUCK, T0.plusSeconds(10L * s), 121.25 + s * 1e-4, 28.64, 20 + s % 3, s % 360));
        }
        return ps;
    }

    @Test
    void samePositions_giveTheSameHash() {
        assertThat(TrackExtract.of(track()).sha256Hex()).isEqualTo(TrackExtract.of(track()).sha256Hex());
    }

    @Test
    void reorderedOrRepeatedInput_givesTheSameCanonicalOrderAndHash() {
        List<TruckPosition> shuffled = track();
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(shuffled.get(3));
        TrackExtract a = TrackExtract.of(track());
        TrackExtract b = TrackExtract.of(shuffled);
        assertThat(b.positions()).isEqualTo(track());
        assertThat(b.sha256Hex()).isEqualTo(a.sha256Hex());
        assertThat(b).isEqualTo(a);
    }

    @Test
    void changingOnePosition_changesTheHash() {
        List<TruckPosition> moved = track();
        TruckPosition p = moved.get(20);
        moved.set(20, TruckPosition.of(TRUCK, p.time(), p.location().lon(), p.location().lat() + 1e-6, p.speedKmh(),
                p.headingDegrees()));
        List<TruckPosition> later = track();
        later.set(20, TruckPosition.of(TRUCK, p.time().plusNanos(1), p.location().lon(), p.location().lat(),
                p.speedKmh(), p.headingDegrees()));
        String h = TrackExtract.of(track()).sha256Hex();
        assertThat(TrackExtract.of(moved).sha256Hex()).isNotEqualTo(h);
        assertThat(TrackExtract.of(later).sha256Hex()).isNotEqualTo(h);
    }

    @Test
    void canonicalBytes_followTheDocumentedLayoutAndHashToSha256Hex() throws Exception {
        TrackExtract x = TrackExtract.of(track().subList(0, 2));
        byte[] bytes = x.canonicalBytes();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[16];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("OFFSITE-TRACK-1\n");
        assertThat(b.getInt()).isEqualTo(2);
        assertThat(b.getInt()).isEqualTo(12);
        byte[] id = new byte[12];
        b.get(id);
        assertThat(new String(id, StandardCharsets.US_ASCII)).isEqualTo(TRUCK);
        assertThat(b.getLong()).isEqualTo(T0.getEpochSecond());
        assertThat(b.getInt()).isZero();
        assertThat(b.getDouble()).isEqualTo(121.25);
        assertThat(b.getDouble()).isEqualTo(28.64);
        assertThat(b.getDouble()).isEqualTo(20.0);
        assertThat(b.getInt()).isZero();
        assertThat(bytes).hasSize(16 + 4 + 2 * (4 + 12 + 8 + 4 + 8 * 3 + 4));
        assertThat(x.sha256Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void emptyTrack_hasAFixedHash() throws Exception {
        byte[] empty = TrackExtract.of(List.of()).canonicalBytes();
        assertThat(empty).hasSize(20);
        assertThat(TrackExtract.of(List.of()).sha256Hex())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(empty)));
    }
}
