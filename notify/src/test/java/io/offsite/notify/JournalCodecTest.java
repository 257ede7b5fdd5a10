package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
    private static final OutboxMessage M = OutboxMessage.enqueued(
            new OutgoingMessage("ep-1/request-owner-move", Channel.SMS, "13812345678", "请驶离"),
            Instant.parse("2026-03-02T02:00:00Z"));

    /** Offset of the channel string's length field: type byte + key (4 + length). */
    private static final int CHANNEL_AT = 1 + 4 + M.key().getBytes(StandardCharsets.UTF_8).length;

    @Test
    void roundTrip_messageAndTombstone() {
        assertThat(JournalCodec.decode(ByteBuffer.wrap(JournalCodec.encode(M))).message()).contains(M);
        JournalCodec.Entry t = JournalCodec.decode(ByteBuffer.wrap(JournalCodec.encodeTombstone("k")));
        assertThat(t.message()).isEmpty();
        assertThat(t.key()).isEqualTo("k");
    }

    @Test
    void unknownEnumName_isRefusedWithFieldOffsetAndAllowedValues() {
        byte[] p = JournalCodec.encode(M);
        int nameAt = CHANNEL_AT + 4;
        p[nameAt] = 'X'; // "SMS" -> "XMS"
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p))).isInstanceOf(NotifyException.class)
                .hasMessageContaining("field 'channel' at payload offset " + CHANNEL_AT)
                .hasMessageContaining("'XMS' is not a Channel; allowed: [SMS, PUSH, VOICE]");
    }

    @Test
    void trailingBytes_areRefused() {
        byte[] p = Arrays.copyOf(JournalCodec.encode(M), JournalCodec.encode(M).length + 2);
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p)))
                .hasMessageContaining("2 trailing bytes at payload offset " + (p.length - 2));
    }

    @Test
    void stringLengthPastTheRecord_isRefused_notAllocated() {
        byte[] p = JournalCodec.encode(M);
        ByteBuffer.wrap(p).putInt(1, Integer.MAX_VALUE);
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p)))
                .hasMessageContaining("field 'key' at payload offset 1").hasMessageContaining("string length 2147483647");
    }

    @Test
    void presenceFlagOtherThanZeroOrOne_isRefused() {
        byte[] p = JournalCodec.encode(M);
        int dueFlag = p.length - (1 + 12) - 5 - 3; // dueAt present (13 bytes), then 5 absent instants, 3 absent strings
        assertThat(p[dueFlag]).isEqualTo((byte) 1);
        p[dueFlag] = 7;
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p)))
                .hasMessageContaining("field 'dueAt' at payload offset " + dueFlag).hasMessageContaining("must be 0 or 1");
    }

    @Test
    void instantOutOfRange_isRefusedNotThrownByTheJdk() {
        byte[] p = JournalCodec.encode(M);
        int dueAt = p.length - 12 - 5 - 3;
        ByteBuffer.wrap(p).putLong(dueAt, Long.MAX_VALUE);
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p))).isInstanceOf(NotifyException.class)
                .hasMessageContaining("field 'dueAt' at payload offset " + dueAt).hasMessageContaining("outside");
    }

    @Test
    void negativeAttempts_andMalformedUtf8_andUnknownRecordType_areRefused() {
        byte[] p = JournalCodec.encode(M);
        int statusAt = CHANNEL_AT + 4 + 3 + 4 + 11 + 4 + "请驶离".getBytes(StandardCharsets.UTF_8).length;
        int attemptsAt = statusAt + 4 + "PENDING".length();
        ByteBuffer.wrap(p).putInt(attemptsAt, -1);
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(p)))
                .hasMessageContaining("field 'attempts' at payload offset " + attemptsAt).hasMessageContaining("-1");
        byte[] q = JournalCodec.encode(M);
        q[CHANNEL_AT - 1] = (byte) 0xFF; // last byte of the key
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(q)))
                .hasMessageContaining("field 'key' at payload offset 1").hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(new byte[] {9})))
                .hasMessageContaining("record type 9 at payload offset 0 is unknown; allowed: [1 (message state), 2 (tombstone)]");
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(new byte[0]))).isInstanceOf(NotifyException.class);
    }

    @Test
    void fieldsBreakingTheMessageRules_areRefusedAsAWhole() {
        byte[] p = JournalCodec.encode(M);
        int dueFlag = p.length - (1 + 12) - 5 - 3;
        byte[] q = new byte[p.length - 12]; // PENDING without its due time
        System.arraycopy(p, 0, q, 0, dueFlag);
        q[dueFlag] = 0;
        System.arraycopy(p, dueFlag + 13, q, dueFlag + 1, p.length - dueFlag - 13);
        assertThatThrownBy(() -> JournalCodec.decode(ByteBuffer.wrap(q))).isInstanceOf(NotifyException.class)
                .hasMessageContaining("fields do not form a valid message").hasMessageContaining("PENDING needs a due time");
    }
}
