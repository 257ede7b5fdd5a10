package io.offsite.notify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Binary encoding of one journal payload (payload version 1): a message state, or a tombstone for a purged
 * message. Decoding is strict: an unknown record type, a string that is not valid UTF-8 or runs past the
 * payload, a boolean other than 0/1, an enum name outside its values, an instant outside
 * {@link Instant#MIN}..{@link Instant#MAX} (or nanoseconds outside 0..999,999,999), a negative attempt count
 * and trailing bytes are all refused with the field and its offset in the payload.
 */
final class JournalCodec {
    static final byte VERSION = 1;
    static final byte TOMBSTONE = 2;

    private JournalCodec() {
    }

    /** One decoded payload: a message state, or (message empty) the key of a purged message. */
    record Entry(Optional<OutboxMessage> message, String key) {
    }

    static byte[] encode(OutboxMessage m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + m.message().text().length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            OutgoingMessage msg = m.message();
            str(out, msg.key());
            str(out, msg.channel().name());
            str(out, msg.to());
            str(out, msg.text());
            str(out, m.status().name());
            out.writeInt(m.attempts());
            instant(out, m.enqueuedAt());
            optInstant(out, m.dueAt());
            optInstant(out, m.firstAttemptAt());
            optInstant(out, m.lastAttemptAt());
            optInstant(out, m.sentAt());
            optInstant(out, m.deliveredAt());
            optInstant(out, m.deadLetteredAt());
            optStr(out, m.providerId());
            optStr(out, m.lastError());
            optStr(out, m.deadLetterReason());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for a byte array
        }
        return bytes.toByteArray();
    }

    /** A record saying the message with this key was purged. */
    static byte[] encodeTombstone(String key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + key.length() * 3);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(TOMBSTONE);
            str(out, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a payload whose checksum was verified.
     *
     * @throws NotifyException naming the field, its offset in the payload and why, when the payload is malformed
     */
    static Entry decode(ByteBuffer payload) {
        In in = new In(payload.duplicate());
        byte type = in.buf.hasRemaining() ? in.buf.get() : -1;
        if (type == TOMBSTONE) {
            String key = in.str("key");
            in.end();
            return new Entry(Optional.empty(), key);
        }
        if (type != VERSION) {
            throw new NotifyException("record type " + type + " at payload offset 0 is unknown; allowed: ["
                    + VERSION + " (message state), " + TOMBSTONE + " (tombstone)]");
        }
        String key = in.str("key");
        Channel channel = in.enumValue("channel", Channel.class);
        String to = in.str("to");
        String text = in.str("text");
        MessageStatus status = in.enumValue("status", MessageStatus.class);
        int attempts = in.nonNegativeInt("attempts");
        Instant enqueuedAt = in.instant("enqueuedAt");
        Optional<Instant> dueAt = in.optInstant("dueAt");
        Optional<Instant> firstAttemptAt = in.optInstant("firstAttemptAt");
        Optional<Instant> lastAttemptAt = in.optInstant("lastAttemptAt");
        Optional<Instant> sentAt = in.optInstant("sentAt");
        Optional<Instant> deliveredAt = in.optInstant("deliveredAt");
        Optional<Instant> deadLetteredAt = in.optInstant("deadLetteredAt");
        Optional<String> providerId = in.optStr("providerId");
        Optional<String> lastError = in.optStr("lastError");
        Optional<String> deadLetterReason = in.optStr("deadLetterReason");
        in.end();
        try {
            return new Entry(Optional.of(new OutboxMessage(new OutgoingMessage(key, channel, to, text), status,
                    attempts, enqueuedAt, dueAt, firstAttemptAt, lastAttemptAt, sentAt, deliveredAt, deadLetteredAt,
                    providerId, lastError, deadLetterReason)), key);
        } catch (NotifyException e) {
            throw new NotifyException("fields do not form a valid message: " + e.getMessage(), e);
        }
    }

    /** A strict reader that names the field and payload offset of whatever it refuses. */
    private static final class In {
        private final ByteBuffer buf;
        private final int base;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        In(ByteBuffer buf) {
            this.buf = buf;
            this.base = buf.position();
        }

        private NotifyException bad(String field, int at, String why) {
            return new NotifyException("field '" + field + "' at payload offset " + (at - base) + ": " + why);
        }

        private void need(String field, int n) {
            if (buf.remaining() < n) {
                throw bad(field, buf.position(), "needs " + n + " bytes, only " + buf.remaining() + " left");
            }
        }

        int nonNegativeInt(String field) {
            int at = buf.position();
            need(field, 4);
            int v = buf.getInt();
            if (v < 0) {
                throw bad(field, at, "must be 0.." + Integer.MAX_VALUE + ", was " + v);
            }
            return v;
        }

        boolean flag(String field) {
            int at = buf.position();
            need(field + " presence flag", 1);
            byte b = buf.get();
            if (b != 0 && b != 1) {
                throw bad(field, at, "presence flag must be 0 or 1, was " + b);
            }
            return b == 1;
        }

        String str(String field) {
            int at = buf.position();
            need(field + " length", 4);
            int n = buf.getInt();
            if (n < 0 || n > buf.remaining()) {
                throw bad(field, at, "string length " + n + " is outside 0.." + buf.remaining()
                        + " (the bytes left in the record)");
            }
            ByteBuffer bytes = buf.slice();
            bytes.limit(n);
            buf.position(buf.position() + n);
            try {
                return utf8.decode(bytes).toString();
            } catch (CharacterCodingException e) {
                throw bad(field, at, "is not valid UTF-8 (" + e.getMessage() + ")");
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            int at = buf.position();
            String name = str(field);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            throw bad(field, at, "'" + name + "' is not a " + type.getSimpleName() + "; allowed: "
                    + Arrays.toString(type.getEnumConstants()));
        }

        Instant instant(String field) {
            int at = buf.position();
            need(field, 12);
            long seconds = buf.getLong();
            int nanos = buf.getInt();
            if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond() || nanos < 0
                    || nanos > 999_999_999) {
                throw bad(field, at, "epoch second " + seconds + " / nanosecond " + nanos + " is outside "
                        + Instant.MIN + ".." + Instant.MAX);
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }

        Optional<Instant> optInstant(String field) {
            return flag(field) ? Optional.of(instant(field)) : Optional.empty();
        }

        Optional<String> optStr(String field) {
            return flag(field) ? Optional.of(str(field)) : Optional.empty();
        }

        void end() {
            if (buf.hasRemaining()) {
                throw new NotifyException(buf.remaining() + " trailing bytes at payload offset "
                        + (buf.position() - base) + " after the record's last field");
            }
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void optStr(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            str(out, s.get());
        }
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static void optInstant(DataOutputStream out, Optional<Instant> t) throws IOException {
        out.writeBoolean(t.isPresent());
        if (t.isPresent()) {
            instant(out, t.get());
        }
    }
}
