package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The packing of an episode log row: round trip of every record kind, version-1 rows, payloads that do not decode. */
class EpisodeLogTest {
    private static final EpisodeState WHOLE = new EpisodeState("no-parking-1", "浙J00001", "浙J0000I", 1.9,
            EpisodeState.Phase.ACTIVE, 1_762_041_600_000L, 1_762_041_660_000L, 121.255, 28.634, 121.2551, 28.6341,
            "cam-1", true, 2, 1_762_041_720_000L, 1_762_042_320_000L, Long.MAX_VALUE, 3, "Zb3-_x9QaAZ0pLmN4kT7sQ",
            EpisodeState.Notice.UNREACHABLE, 1_762_041_730_000L, "no phone number on file");
    private static final List<EpisodeLogRecord> RECORDS = List.of(
            new EpisodeLogRecord.LastSeen("no-parking-1", "浙J00001", 1_762_041_600_000L, 121.2551, 28.6341, "cam-1", 1.9),
            new EpisodeLogRecord.Whole(WHOLE),
            new EpisodeLogRecord.Removal("no-parking-2", "浙J00002"),
            new EpisodeLogRecord.History(new SubjectHistory("s:浙J00001", List.of(5L, 1_762_041_720_000L, 3L), 20_394, 2)),
            new EpisodeLogRecord.History(new SubjectHistory("f:no-parking-1", List.of(), Long.MIN_VALUE, 0)),
            new EpisodeLogRecord.LastSeen("no-parking-2", "", Long.MIN_VALUE + 1, 1e300, -1e-300, "", 3.0),
            new EpisodeLogRecord.Removal("no-parking-1", "浙J00001"),
            new EpisodeLogRecord.Whole(new EpisodeState("no-parking-1", "浙J00001", "浙J00001", -0.0,
                    EpisodeState.Phase.DONE, 1_000_000, 1_000_000, Double.MIN_VALUE, -1, 0, 0, "", false, 0, -5, 0, 0, 0, "")));

    @Test
    void encode_thenDecode_givesTheSameRecordsInOrder() {
        assertThat(EpisodeLog.decode(EpisodeLog.encode(RECORDS), "engine-1 seq 3")).containsExactlyElementsOf(RECORDS);
        assertThat(EpisodeLog.decode(EpisodeLog.encode(List.of()), "engine-1 seq 4")).isEmpty();
    }

    @Test
    void versionOneRow_ofTheLastSeenLog_decodesAsLastSeenRecords() {
        List<EpisodeLogRecord.LastSeen> entries = List.of(
                new EpisodeLogRecord.LastSeen("no-parking-1", "浙J00001", 1_762_041_600_000L, 121.2551, 28.6341, "c", 1.9),
                new EpisodeLogRecord.LastSeen("no-parking-2", "浙J00002", 1_762_041_590_000L, -0.0, 7, "c", 0.0));
        assertThat(EpisodeLog.decode(versionOne(entries), "engine-1 seq 2")).containsExactlyElementsOf(entries);
    }

    @Test
    void payload_withAValidChecksumButACountPastItsEnd_isCorruptNamingTheRow() {
        byte[] p = EpisodeLog.encode(RECORDS);
        p[1] = 9; // record count 8 → 9, checksum recomputed: the ninth record runs past the end
        byte[] forged = withCrc(Arrays.copyOf(p, p.length - 4));
        assertThatThrownBy(() -> EpisodeLog.decode(forged, "engine-1 seq 3"))
                .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                    assertThat(e.table()).isEqualTo("geofence_episode_log");
                    assertThat(e.key()).isEqualTo("engine-1 seq 3");
                })
                .hasMessageContaining("does not decode");
    }

    @Test
    void wholeRecord_thatIsNoEpisode_isCorruptNamingTheRowAndTheEpisode() {
        byte[] p = EpisodeLog.encode(List.of(new EpisodeLogRecord.Whole(WHOLE)));
        byte[] forged = withCrc(replace(Arrays.copyOf(p, p.length - 4), "ACTIVE", "PARKED"));
        assertThatThrownBy(() -> EpisodeLog.decode(forged, "engine-1 seq 5"))
                .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                    assertThat(e.table()).isEqualTo("geofence_episode_log");
                    assertThat(e.key()).isEqualTo("engine-1 seq 5 entry no-parking-1/浙J00001");
                })
                .hasMessageContaining("PARKED");
    }

    @Test
    void truncatedOrEmptyPayload_isCorruptNamingTheRow() {
        byte[] p = EpisodeLog.encode(RECORDS);
        assertThatThrownBy(() -> EpisodeLog.decode(Arrays.copyOf(p, p.length - 1), "engine-1 seq 9"))
                .isInstanceOf(CorruptRowException.class).hasMessageContaining("engine-1 seq 9");
        assertThatThrownBy(() -> EpisodeLog.decode(new byte[0], "engine-1 seq 9"))
                .isInstanceOf(CorruptRowException.class).hasMessageContaining("too short");
    }

    /** A row as the last-seen log wrote it before V13 (payload version 1). */
    static byte[] versionOne(List<EpisodeLogRecord.LastSeen> entries) {
        List<String> table = entries.stream().flatMap(e -> java.util.stream.Stream.of(e.fenceId(), e.cameraId()))
                .distinct().toList();
        PackedOut out = new PackedOut(64);
        out.b(1);
        out.varint(entries.size());
        out.varint(table.size());
        table.forEach(out::string);
        long prev = 0;
        for (EpisodeLogRecord.LastSeen e : entries) {
            out.varint(table.indexOf(e.fenceId()));
            out.string(e.subject());
            out.zigzag(e.lastSeen() - prev);
            prev = e.lastSeen();
            out.dbl(e.lastX());
            out.dbl(e.lastY());
            out.varint(table.indexOf(e.cameraId()));
            out.dbl(e.displayConfidence());
        }
        return out.withCrc();
    }

    private static byte[] replace(byte[] body, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + f.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, body, i, t.length);
                return body;
            }
        }
        throw new AssertionError(from + " not in the payload");
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
