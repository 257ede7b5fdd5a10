package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
    private static final long MIN = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long END = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    private static List<Instant> samples() {
        List<Instant> all = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.ofEpochSecond(MIN), Instant.ofEpochSecond(MIN - 1, 999_999_999), Instant.ofEpochSecond(END - 1,
                        999_999_999), Instant.ofEpochSecond(END), Instant.ofEpochSecond(-1, 1),
                Instant.parse("2024-02-29T23:59:59.000000001Z"), Instant.parse("2026-03-02T02:00:00.120Z"),
                Instant.parse("2026-03-02T02:00:00.000120Z")));
        SplittableRandom random = new SplittableRandom(20261207);
        int[] nanoSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 20_000; i++) {
            int step = nanoSteps[i % 4];
            int nano = step == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            all.add(Instant.ofEpochSecond(random.nextLong(MIN, END), nano));
        }
        return all;
    }

    @Test
    void text_isInstantToString_forEveryInstant_andParseReadsItBack() {
        for (Instant t : samples()) {
            assertThat(IsoInstants.text(t)).as(t.toString()).isEqualTo(t.toString());
            assertThat(IsoInstants.parse(t.toString())).isEqualTo(t);
        }
    }

    @Test
    void parse_readsAndRefusesWhatInstantParseDoes_evenTextInstantNeverWrites() {
        assertThat(IsoInstants.parse("2026-03-02T02:00:00.1234Z")).isEqualTo(Instant.parse("2026-03-02T02:00:00.1234Z"));
        assertThat(IsoInstants.parse("2026-03-02T02:00:00.Z")).isEqualTo(Instant.parse("2026-03-02T02:00:00Z"));
        assertThat(IsoInstants.parse("2026-03-02T24:00:00Z")).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(IsoInstants.parse("+10000-01-01T00:00:00Z")).isEqualTo(Instant.ofEpochSecond(END));
        for (String bad : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-02 02:00:00Z", "not a time")) {
            assertThatThrownBy(() -> Instant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> IsoInstants.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
