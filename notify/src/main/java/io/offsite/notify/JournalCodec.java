package io.offsite.notify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Binary encoding of one {@link OutboxMessage} as a journal payload (format version 1). */
final class JournalCodec {
    static final byte VERSION = 1;
    static final byte TOMBSTONE = 2;

    private JournalCodec() {
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

    /** The key of a tombstone payload, or null when the payload is a message. */
    static String tombstoneKey(byte[] payload) throws IOException {
        if (payload.length == 0 || payload[0] != TOMBSTONE) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        in.readByte();
        String key = str(in);
        if (in.available() != 0) {
            throw new IOException(in.available() + " trailing bytes after tombstone");
        }
        return key;
    }

    /** Decodes a payload whose checksum was verified; throws IOException or NotifyException when it is malformed. */
    static OutboxMessage decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unsupported record version " + version);
        }
        OutgoingMessage msg = new OutgoingMessage(str(in), Channel.valueOf(str(in)), str(in), str(in));
        MessageStatus status = MessageStatus.valueOf(str(in));
        int attempts = in.readInt();
        Instant enqueuedAt = instant(in);
        OutboxMessage m = new OutboxMessage(msg, status, attempts, enqueuedAt, optInstant(in), optInstant(in),
                optInstant(in), optInstant(in), optInstant(in), optInstant(in), optStr(in), optStr(in), optStr(in));
        if (in.available() != 0) {
            throw new IOException(in.available() + " trailing bytes after record");
        }
        return m;
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("string length " + n + " out of range");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void optStr(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) {
            str(out, s.get());
        }
    }

    private static Optional<String> optStr(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(str(in)) : Optional.empty();
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void optInstant(DataOutputStream out, Optional<Instant> t) throws IOException {
        out.writeBoolean(t.isPresent());
        if (t.isPresent()) {
            instant(out, t.get());
        }
    }

    private static Optional<Instant> optInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(instant(in)) : Optional.empty();
    }
}
