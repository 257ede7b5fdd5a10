package io.offsite.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sub-packages join into the whole message in any order; gaps, inconsistencies and stale messages are rejected. */
class Jt808ReassemblerTest {
    private static final Instant T0 = Jt808Samples.beijing(3, 15, 8, 30, 0);
    private final MutableClock clock = new MutableClock(T0);
    private final Jt808Reassembler reassembler = Jt808Reassembler.builder().clock(clock).maxPending(2)
            .maxAge(Duration.ofSeconds(30)).build();

    /** A 0x0704 batch of three locations cut into {@code n} packages with serials from {@code firstSerial}. */
    private static List<SubPackage> split(int firstSerial, int n) {
        WireOut out = new WireOut();
        BodyEncoder.encode(batch(firstSerial), out);
        byte[] body = Arrays.copyOf(out.array(), out.size());
        int size = (body.length + n - 1) / n;
        return IntStream.range(0, n).mapToObj(i -> new SubPackage(new Jt808Header(0x0704, Jt808Version.V2019, 1,
                Jt808Samples.PHONE, firstSerial + i, 0, n, i + 1),
                Arrays.copyOfRange(body, i * size, Math.min(body.length, (i + 1) * size)))).toList();
    }

    private static BatchLocationUpload batch(int serial) {
        Location l = Jt808Samples.location();
        return new BatchLocationUpload(Jt808Samples.header(0x0704, Jt808Version.V2019, serial),
                BatchLocationUpload.Type.BLIND_AREA, List.of(l, l, l));
    }

    @Test
    void packagesInOrder_giveTheWholeMessageOnTheLast() {
        List<SubPackage> parts = split(100, 3);

        assertThat(reassembler.accept(parts.get(0)).message()).isEmpty();
        assertThat(reassembler.accept(parts.get(1)).message()).isEmpty();
        Jt808Reassembler.Step last = reassembler.accept(parts.get(2));
        assertThat(last.rejects()).isEmpty();
        assertThat(last.message()).contains(batch(100));
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void packagesOutOfOrder_giveTheSameMessage() {
        List<SubPackage> parts = split(7, 4);

        assertThat(reassembler.accept(parts.get(2)).message()).isEmpty();
        assertThat(reassembler.accept(parts.get(0)).message()).isEmpty();
        assertThat(reassembler.accept(parts.get(3)).message()).isEmpty();
        assertThat(reassembler.accept(parts.get(1)).message()).contains(batch(7));
    }

    @Test
    void identicalDuplicate_isIgnored() {
        List<SubPackage> parts = split(1, 2);

        assertThat(reassembler.accept(parts.get(0)).rejects()).isEmpty();
        Jt808Reassembler.Step again = reassembler.accept(parts.get(0));
        assertThat(again.message()).isEmpty();
        assertThat(again.rejects()).isEmpty();
        assertThat(reassembler.accept(parts.get(1)).message()).contains(batch(1));
    }

    @Test
    void duplicateWithOtherBytes_rejectsTheMessage() {
        List<SubPackage> parts = split(1, 2);
        reassembler.accept(parts.get(0));
        SubPackage forged = new SubPackage(parts.get(0).header(), new byte[] {1, 2, 3});

        assertThat(reassembler.accept(forged).rejects()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo("jt808/subPackage");
            assertThat(e.getMessage()).contains("duplicate package 1 with different content").contains("missing [2]");
        });
        assertThat(reassembler.pending()).isZero();
    }

    @Test
    void nextMessageBeginningBeforeTheLastIsComplete_isAGap() {
        List<SubPackage> first = split(10, 3);
        List<SubPackage> second = split(20, 2);
        reassembler.accept(first.get(0));
        reassembler.accept(first.get(2));

        Jt808Reassembler.Step step = reassembler.accept(second.get(0));
        assertThat(step.rejects()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("gap").contains("2 of 3 packages").contains("missing [2]"));
        assertThat(reassembler.accept(second.get(1)).message()).contains(batch(20));
    }

    @Test
    void inconsistentTotal_rejectsTheMessage() {
        List<SubPackage> parts = split(30, 3);
        reassembler.accept(parts.get(0));
        Jt808Header h = parts.get(1).header();
        SubPackage wrongTotal = new SubPackage(new Jt808Header(h.messageId(), h.version(), 1, h.phone(), 31, 0, 4, 2),
                parts.get(1).body());

        assertThat(reassembler.accept(wrongTotal).rejects()).singleElement().satisfies(e -> assertThat(
                e.getMessage()).contains("inconsistent total: package 2 says 4 packages, earlier ones 3"));
    }

    @Test
    void messageOlderThanMaxAge_isGivenUp() {
        List<SubPackage> parts = split(40, 2);
        reassembler.accept(parts.get(0));
        clock.now = T0.plusSeconds(31);

        assertThat(reassembler.expire()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("incomplete after maxAge PT30S").contains("missing [2]"));
        Jt808Reassembler.Step late = reassembler.accept(parts.get(1));
        assertThat(late.message()).isEmpty();
        assertThat(reassembler.pending()).isEqualTo(1);
    }

    @Test
    void moreThanMaxPendingMessages_evictsTheOldest() {
        SubPackage a = part(0x0801, 1, 3, 1);
        SubPackage b = part(0x0802, 1, 3, 1);
        SubPackage c = part(0x0803, 1, 3, 1);
        reassembler.accept(a);
        reassembler.accept(b);

        assertThat(reassembler.accept(c).rejects()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .startsWith("jt808/subPackage: 0x0801").contains("evicted: maxPending 2"));
        assertThat(reassembler.pending()).isEqualTo(2);
    }

    @Test
    void joinedUnknownMessage_keepsTheWholeRawBody() {
        reassembler.accept(part(0x0801, 50, 2, 1));
        Jt808Reassembler.Step step = reassembler.accept(part(0x0801, 51, 2, 2));

        assertThat(step.message()).containsInstanceOf(UnknownMessage.class);
        UnknownMessage m = (UnknownMessage) step.message().orElseThrow();
        assertThat(m.body()).containsExactly(1, 2);
        assertThat(m.header().subPackaged()).isFalse();
        assertThat(m.header().serial()).isEqualTo(50);
    }

    private static SubPackage part(int id, int serial, int total, int index) {
        return new SubPackage(new Jt808Header(id, Jt808Version.V2013, 0, Jt808Samples.PHONE, serial, 0, total, index),
                new byte[] {(byte) index});
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
