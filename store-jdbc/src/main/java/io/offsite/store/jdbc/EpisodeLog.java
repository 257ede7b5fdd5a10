package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import io.offsite.geofence.spi.SubjectHistory;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary packing of one {@code geofence_episode_log} row: the {@link EpisodeLogRecord}s of one flush, in order.
 * Layout (version 2): version byte, record count, a table of the fence ids, camera ids and phase/notice names used,
 * then per record a kind byte and its fields (strings of the table by index, other strings inline, longs as
 * zig-zag varints, doubles as 8 bytes), and a CRC-32 of everything before it. Version 1 rows (written before V13,
 * when the table was {@code geofence_last_seen_log}) hold last-seen records only and are still read. A payload that
 * does not decode or fails its CRC is a {@link CorruptRowException} naming the row (and the record, when one is at
 * fault).
 */
final class EpisodeLog {
    static final String TABLE = "geofence_episode_log";
    private static final int V1 = 1;
    private static final int V2 = 2;
    private static final int LAST_SEEN = 0;
    private static final int WHOLE = 1;
    private static final int REMOVAL = 2;
    private static final int HISTORY = 3;

    private EpisodeLog() {
    }

    /** Packs {@code records} (their order is kept). */
    static byte[] encode(Collection<? extends EpisodeLogRecord> records) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (EpisodeLogRecord r : records) {
            if (r instanceof EpisodeLogRecord.LastSeen e) {
                intern(ids, table, e.fenceId());
                intern(ids, table, e.cameraId());
            } else if (r instanceof EpisodeLogRecord.Whole w) {
                EpisodeState s = w.state();
                intern(ids, table, s.fenceId());
                intern(ids, table, s.cameraId());
                intern(ids, table, s.phase().name());
                intern(ids, table, s.notice().name());
            } else if (r instanceof EpisodeLogRecord.Removal d) {
                intern(ids, table, d.fenceId());
            }
        }
        PackedOut out = new PackedOut(64 + records.size() * 64);
        out.b(V2);
        out.varint(records.size());
        out.varint(table.size());
        for (String s : table) {
            out.string(s);
        }
        for (EpisodeLogRecord r : records) {
            if (r instanceof EpisodeLogRecord.LastSeen e) {
                out.b(LAST_SEEN);
                out.varint(ids.get(e.fenceId()));
                out.string(e.subject());
                out.zigzag(e.lastSeen());
                out.dbl(e.lastX());
                out.dbl(e.lastY());
                out.varint(ids.get(e.cameraId()));
                out.dbl(e.displayConfidence());
            } else if (r instanceof EpisodeLogRecord.Whole w) {
                out.b(WHOLE);
                whole(out, ids, w.state());
            } else if (r instanceof EpisodeLogRecord.Removal d) {
                out.b(REMOVAL);
                out.varint(ids.get(d.fenceId()));
                out.string(d.subject());
            } else if (r instanceof EpisodeLogRecord.History h) {
                out.b(HISTORY);
                history(out, h.history());
            }
        }
        return out.withCrc();
    }

    private static void whole(PackedOut out, Map<String, Integer> ids, EpisodeState s) {
        out.varint(ids.get(s.fenceId()));
        out.string(s.subject());
        out.string(s.display());
        out.dbl(s.displayConfidence());
        out.varint(ids.get(s.phase().name()));
        out.zigzag(s.firstSeen());
        out.zigzag(s.lastSeen() - s.firstSeen());
        out.dbl(s.anchorX());
        out.dbl(s.anchorY());
        out.dbl(s.lastX());
        out.dbl(s.lastY());
        out.varint(ids.get(s.cameraId()));
        out.b(s.plateLegible() ? 1 : 0);
        out.zigzag(s.stepsFired());
        out.zigzag(s.startedAt());
        out.zigzag(s.nextStepAt());
        out.zigzag(s.activeUntil());
        out.zigzag(s.repeatCount());
        out.string(s.episodeId());
        out.varint(ids.get(s.notice().name()));
        out.zigzag(s.noticeAt());
        out.string(s.noticeDetail());
    }

    private static void history(PackedOut out, SubjectHistory h) {
        out.string(h.key());
        out.varint(h.warnedAt().size());
        long prev = 0;
        for (long t : h.warnedAt()) {
            out.zigzag(t - prev);
            prev = t;
        }
        out.zigzag(h.noticeEpochDay());
        out.zigzag(h.noticesThatDay());
    }

    /** The records of {@code payload}, in order; {@code key} names its row (as the store names it) in errors. */
    static List<EpisodeLogRecord> decode(byte[] payload, String key) {
        if (payload == null || payload.length < 5) {
            throw new CorruptRowException(TABLE, key, "payload of " + (payload == null ? "null" : payload.length)
                    + " bytes is too short");
        }
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length - 4);
        if (ByteBuffer.wrap(payload).getInt(payload.length - 4) != (int) crc.getValue()) {
            throw new CorruptRowException(TABLE, key, "payload fails its CRC-32 (changed after it was written)");
        }
        PackedIn in = new PackedIn(payload, 4);
        List<EpisodeLogRecord> records;
        try {
            int version = in.b();
            if (version != V1 && version != V2) {
                throw new IllegalArgumentException("unknown payload version " + version);
            }
            int count = in.count();
            String[] table = new String[in.count()];
            for (int i = 0; i < table.length; i++) {
                table[i] = in.string();
            }
            records = new ArrayList<>(Math.min(count, 1 << 20));
            long prev = 0;
            for (int i = 0; i < count; i++) {
                if (version == V1) { // fence, subject, last seen as a delta from the entry before, x, y, camera, vote
                    String fence = in.from(table);
                    String subject = in.string();
                    prev += in.zigzag();
                    records.add(new EpisodeLogRecord.LastSeen(fence, subject, prev, in.dbl(), in.dbl(), in.from(table),
                            in.dbl()));
                } else {
                    records.add(record(in, table, key));
                }
            }
            if (in.remaining() > 0) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last record");
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptRowException(TABLE, key, "payload does not decode: " + e, e);
        }
        return records;
    }

    private static EpisodeLogRecord record(PackedIn in, String[] table, String key) {
        int kind = in.b();
        switch (kind) {
            case LAST_SEEN:
                return new EpisodeLogRecord.LastSeen(in.from(table), in.string(), in.zigzag(), in.dbl(), in.dbl(),
                        in.from(table), in.dbl());
            case WHOLE:
                return new EpisodeLogRecord.Whole(whole(in, table, key));
            case REMOVAL:
                return new EpisodeLogRecord.Removal(in.from(table), in.string());
            case HISTORY:
                return new EpisodeLogRecord.History(history(in, key));
            default:
                throw new IllegalArgumentException("unknown record kind " + kind);
        }
    }

    private static EpisodeState whole(PackedIn in, String[] table, String key) {
        String fence = in.from(table);
        String subject = in.string();
        String display = in.string();
        double confidence = in.dbl();
        String phase = in.from(table);
        long firstSeen = in.zigzag();
        long lastSeen = firstSeen + in.zigzag();
        double anchorX = in.dbl();
        double anchorY = in.dbl();
        double lastX = in.dbl();
        double lastY = in.dbl();
        String camera = in.from(table);
        int legible = in.b();
        long steps = in.zigzag();
        long startedAt = in.zigzag();
        long nextStepAt = in.zigzag();
        long activeUntil = in.zigzag();
        long repeats = in.zigzag();
        String episodeId = in.string();
        String notice = in.from(table);
        long noticeAt = in.zigzag();
        String detail = in.string();
        try {
            if (legible != 0 && legible != 1 || steps != (int) steps || repeats != (int) repeats) {
                throw new IllegalArgumentException("plate legible " + legible + ", steps " + steps + ", repeats "
                        + repeats + " out of range");
            }
            return new EpisodeState(fence, subject, display, confidence, EpisodeState.Phase.valueOf(phase), firstSeen,
                    lastSeen, anchorX, anchorY, lastX, lastY, camera, legible == 1, (int) steps, startedAt, nextStepAt,
                    activeUntil, (int) repeats, episodeId, EpisodeState.Notice.valueOf(notice), noticeAt, detail);
        } catch (RuntimeException e) {
            throw new CorruptRowException(TABLE, key + " entry " + fence + "/" + subject, String.valueOf(e.getMessage()),
                    e);
        }
    }

    private static SubjectHistory history(PackedIn in, String key) {
        String historyKey = in.string();
        int n = in.count();
        if (n > in.remaining()) {
            throw new IllegalArgumentException("history of " + n + " times past the end");
        }
        List<Long> warnedAt = new ArrayList<>(n);
        long prev = 0;
        for (int i = 0; i < n; i++) {
            prev += in.zigzag();
            warnedAt.add(prev);
        }
        long day = in.zigzag();
        long notices = in.zigzag();
        try {
            if (notices != (int) notices) {
                throw new IllegalArgumentException("notices that day " + notices + " out of range");
            }
            return new SubjectHistory(historyKey, warnedAt, day, (int) notices);
        } catch (RuntimeException e) {
            throw new CorruptRowException(TABLE, key + " entry " + historyKey, String.valueOf(e.getMessage()), e);
        }
    }

    private static void intern(Map<String, Integer> ids, List<String> table, String s) {
        if (!ids.containsKey(s)) {
            ids.put(s, table.size());
            table.add(s);
        }
    }
}
