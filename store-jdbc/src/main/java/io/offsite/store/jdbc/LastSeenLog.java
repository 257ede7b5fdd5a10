package io.offsite.store.jdbc;

import io.offsite.geofence.EpisodeState;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The binary packing of one {@code geofence_last_seen_log} row: the last-seen data (fence, subject, last seen, last
 * x/y, camera, display confidence) of many episodes. Layout: version byte, entry count, a table of the fence and
 * camera ids used, then per entry the fence index, the subject, last seen (zig-zag delta from the entry before),
 * x, y, the camera index and the confidence, and a CRC-32 of everything before it. A payload that does not decode
 * or fails its CRC is a {@link CorruptRowException} naming the row (and the entry, when one is at fault).
 */
final class LastSeenLog {
    static final String TABLE = "geofence_last_seen_log";
    private static final int VERSION = 1;

    /** One decoded entry. */
    record Entry(String fenceId, String subject, long lastSeen, double lastX, double lastY, String cameraId,
            double displayConfidence) {

        /** {@code row} with this entry's last-seen data; a value the row cannot take is a corrupt log row. */
        EpisodeState applyTo(EpisodeState row, String logKey) {
            try {
                return new EpisodeState(row.fenceId(), row.subject(), row.display(), displayConfidence, row.phase(),
                        row.firstSeen(), lastSeen, row.anchorX(), row.anchorY(), lastX, lastY, cameraId,
                        row.plateLegible(), row.stepsFired(), row.startedAt(), row.nextStepAt(), row.activeUntil(),
                        row.repeatCount(), row.episodeId(), row.notice(), row.noticeAt(), row.noticeDetail());
            } catch (RuntimeException e) {
                throw new CorruptRowException(TABLE, logKey + " entry " + fenceId + "/" + subject, e.getMessage(), e);
            }
        }

        static Entry of(EpisodeState s) {
            return new Entry(s.fenceId(), s.subject(), s.lastSeen(), s.lastX(), s.lastY(), s.cameraId(),
                    s.displayConfidence());
        }
    }

    private LastSeenLog() {
    }

    /** Packs {@code entries} (at most one per episode, in any order). */
    static byte[] encode(Collection<Entry> entries) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (Entry e : entries) {
            ids.computeIfAbsent(e.fenceId(), k -> add(table, k));
            ids.computeIfAbsent(e.cameraId(), k -> add(table, k));
        }
        Out out = new Out(64 + entries.size() * 48);
        out.b(VERSION);
        out.varint(entries.size());
        out.varint(table.size());
        for (String s : table) {
            out.string(s);
        }
        long prev = 0;
        for (Entry e : entries) {
            out.varint(ids.get(e.fenceId()));
            out.string(e.subject());
            long delta = e.lastSeen() - prev;
            out.varint((delta << 1) ^ (delta >> 63));
            prev = e.lastSeen();
            out.fixed(Double.doubleToLongBits(e.lastX()));
            out.fixed(Double.doubleToLongBits(e.lastY()));
            out.varint(ids.get(e.cameraId()));
            out.fixed(Double.doubleToLongBits(e.displayConfidence()));
        }
        CRC32 crc = new CRC32();
        crc.update(out.buf, 0, out.len);
        out.fixed32((int) crc.getValue());
        return Arrays.copyOf(out.buf, out.len);
    }

    /** The entries of {@code payload}, in order; {@code key} names its row (as the store names it) in errors. */
    static List<Entry> decode(byte[] payload, String key) {
        if (payload == null || payload.length < 5) {
            throw new CorruptRowException(TABLE, key, "payload of " + (payload == null ? "null" : payload.length)
                    + " bytes is too short");
        }
        CRC32 crc = new CRC32();
        crc.update(payload, 0, payload.length - 4);
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (in.getInt(payload.length - 4) != (int) crc.getValue()) {
            throw new CorruptRowException(TABLE, key, "payload fails its CRC-32 (changed after it was written)");
        }
        in.limit(payload.length - 4);
        List<Entry> entries;
        try {
            int version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown payload version " + version);
            }
            int count = count(in);
            String[] table = new String[count(in)];
            for (int i = 0; i < table.length; i++) {
                table[i] = string(in);
            }
            entries = new ArrayList<>(Math.min(count, 1 << 20));
            long prev = 0;
            for (int i = 0; i < count; i++) {
                String fence = table[count(in)];
                String subject = string(in);
                long z = varint(in);
                prev += (z >>> 1) ^ -(z & 1);
                double x = Double.longBitsToDouble(in.getLong());
                double y = Double.longBitsToDouble(in.getLong());
                String camera = table[count(in)];
                entries.add(new Entry(fence, subject, prev, x, y, camera, Double.longBitsToDouble(in.getLong())));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last entry");
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptRowException(TABLE, key, "payload does not decode: " + e, e);
        }
        return entries;
    }

    private static int add(List<String> table, String s) {
        table.add(s);
        return table.size() - 1;
    }

    private static int count(ByteBuffer in) {
        long v = varint(in);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count " + v + " out of range");
        }
        return (int) v;
    }

    private static long varint(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    private static String string(ByteBuffer in) {
        int n = count(in);
        if (n > in.remaining()) {
            throw new IllegalArgumentException("string of " + n + " bytes past the end");
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** A growable byte array. */
    private static final class Out {
        byte[] buf;
        int len;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        void b(int v) {
            room(1);
            buf[len++] = (byte) v;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7fL) != 0) {
                buf[len++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void fixed(long v) {
            fixed32((int) (v >>> 32));
            fixed32((int) v);
        }

        void fixed32(int v) {
            room(4);
            buf[len++] = (byte) (v >>> 24);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            room(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }
    }
}
