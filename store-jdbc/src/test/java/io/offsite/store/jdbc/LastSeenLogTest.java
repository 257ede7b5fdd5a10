package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The packing of a last-seen log row: round trip, and payloads that do not decode. */
class LastSeenLogTest {
    private static final List<LastSeenLog.Entry> ENTRIES = List.of(
            new LastSeenLog.Entry("no-parking-1", "浙J00001", 1_762_041_600_000L, 121.2551, 28.6341, "cam-1", 1.9),
            new LastSeenLog.Entry("no-parking-2", "浙J00002", 1_762_041_590_000L, -0.0, Double.MIN_VALUE, "cam-1", 0.0),
            new LastSeenLog.Entry("no-parking-1", "", Long.MIN_VALUE + 1, 1e300, -1e-300, "", 3.0));

    @Test
    void encode_thenDecode_givesTheSameEntriesInOrder() {
        assertThat(LastSeenLog.decode(LastSeenLog.encode(ENTRIES), "engine-1 seq 3")).containsExactlyElementsOf(ENTRIES);
        assertThat(LastSeenLog.decode(LastSeenLog.encode(List.of()), "engine-1 seq 4")).isEmpty();
    }

    @Test
    void payload_withAValidChecksumButACountPastItsEnd_isCorruptNamingTheRow() {
        byte[] p = LastSeenLog.encode(ENTRIES);
        p[1] = 4; // entry count 3 → 4, checksum recomputed: the fourth entry runs past the end
        byte[] forged = withCrc(Arrays.copyOf(p, p.length - 4));
        assertThatThrownBy(() -> LastSeenLog.decode(forged, "engine-1 seq 3"))
                .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                    assertThat(e.table()).isEqualTo("geofence_last_seen_log");
                    assertThat(e.key()).isEqualTo("engine-1 seq 3");
                })
                .hasMessageContaining("does not decode");
    }

    @Test
    void truncatedOrEmptyPayload_isCorruptNamingTheRow() {
        byte[] p = LastSeenLog.encode(ENTRIES);
        assertThatThrownBy(() -> LastSeenLog.decode(Arrays.copyOf(p, p.length - 1), "engine-1 seq 9"))
                .isInstanceOf(CorruptRowException.class).hasMessageContaining("engine-1 seq 9");
        assertThatThrownBy(() -> LastSeenLog.decode(new byte[0], "engine-1 seq 9"))
                .isInstanceOf(CorruptRowException.class).hasMessageContaining("too short");
    }

    private static byte[] withCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] out = Arrays.copyOf(body, body.length + 4);
        int v = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            out[body.length + i] = (byte) (v >>> (24 - 8 * i));
        }
        return out;
    }
}
