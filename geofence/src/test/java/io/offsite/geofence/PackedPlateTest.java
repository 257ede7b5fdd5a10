package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

class PackedPlateTest {
    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String REST = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ学警港澳挂试超使领应急民航";
    private static final String FIRST = PROVINCES + REST;

    /** Random packable keys: one char of the first alphabet, then 0..8 chars of the rest alphabet. */
    private static final Gen<String> KEYS = integers().between(0, FIRST.length() - 1)
            .zip(lists().of(integers().between(0, REST.length() - 1)).ofSizeBetween(0, PackedPlate.MAX_LENGTH - 1),
                    PackedPlateTest::key);

    private static String key(int first, List<Integer> rest) {
        StringBuilder b = new StringBuilder().append(FIRST.charAt(first));
        rest.forEach(i -> b.append(REST.charAt(i)));
        return b.toString();
    }

    @Test
    void matchBits_isThePackedMatchKey_soConfusablePlatesShareIt() {
        qt().withExamples(2_000).forAll(KEYS).checkAssert(k ->
                assertThat(PackedPlate.matchBits(PackedPlate.pack(k))).isEqualTo(PackedPlate.pack(Plates.matchKey(k))));
        assertThat(PackedPlate.matchBits(PackedPlate.pack("浙JB1234"))).isEqualTo(PackedPlate.matchBits(PackedPlate.pack("浙J81234")))
                .isNotEqualTo(PackedPlate.matchBits(PackedPlate.pack("浙J71234")));
        assertThat(PackedPlate.matchBits(0)).isZero();
    }

    @Test
    void alphabetsUnderTest_matchTheClass() {
        assertThat(PackedPlate.PROVINCES).isEqualTo(PROVINCES);
        assertThat(PackedPlate.REST).isEqualTo(REST);
        assertThat(PROVINCES).hasSize(31);
        assertThat(REST).hasSize(49);
    }

    @ParameterizedTest
    @ValueSource(strings = {"浙A12345", "浙AD12345", "粤B1234学", "京A0000警", "使123456", "沪A1234领", "粤Z1234港",
            "粤Z1234澳", "京A1234应", "民航12345", "WJ12345", "A", "浙", "9", "琼ZZZZZZZZ", "航航航航航航航航航"})
    void typicalPlates_roundTrip(String plate) {
        long bits = PackedPlate.pack(plate);
        assertThat(bits).isNotZero();
        assertThat(PackedPlate.unpack(bits)).isEqualTo(plate);
    }

    @Test
    void everyProvince_roundTrips_aloneAndInAPlate() {
        for (char p : PROVINCES.toCharArray()) {
            for (String s : new String[] {String.valueOf(p), p + "A12345", p + "AD12345", p + "B1234学"}) {
                assertThat(PackedPlate.unpack(PackedPlate.pack(s))).as(s).isEqualTo(s);
            }
        }
    }

    @Test
    void everyRestChar_roundTrips_atEveryPosition() {
        String base = "京A1234567";
        assertThat(base).hasSize(PackedPlate.MAX_LENGTH);
        long baseBits = PackedPlate.pack(base);
        for (int pos = 0; pos < PackedPlate.MAX_LENGTH; pos++) {
            for (char c : REST.toCharArray()) {
                String s = base.substring(0, pos) + c + base.substring(pos + 1);
                long bits = PackedPlate.pack(s);
                assertThat(bits).as(s).isNotZero();
                assertThat(PackedPlate.unpack(bits)).as(s).isEqualTo(s);
                assertThat(bits == baseBits).as(s).isEqualTo(s.equals(base));
                String prefix = base.substring(0, pos) + c; // same char as the last one, at every length
                assertThat(PackedPlate.unpack(PackedPlate.pack(prefix))).as(prefix).isEqualTo(prefix);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "浙A12345678", "京A1234567警", "浙a12345", "浙A·12345", "浙A 12345", "浙A-12345",
            "tracker:x/1", "tracker:3301000001/17", "浙A1234\uD83D\uDE00", "\uD83D\uDE00", "沈A12345", "台A12345",
            "浙浙12345", "浙A1234京", "浙Ａ12345", "浙A12\u0000345", "\u0000", "浙A1234\uD83D"})
    void unpackableKeys_packToZero(String key) {
        assertThat(PackedPlate.pack(key)).isZero();
    }

    @Test
    void valuesPackNeverProduces_areRejectedByUnpack() {
        long valid = PackedPlate.pack("浙A12345");
        long[] invalid = {
            0L,
            -1L,
            Long.MIN_VALUE | valid, // bit above the layout
            valid | (1L << 55),
            81L, // first code past the union alphabet
            127L,
            1L | (50L << 7), // rest code past the rest alphabet
            1L | (63L << 7),
            1L | (5L << 13), // gap: character 2 present after an absent character 1
            valid & ~(63L << 13) // gap in the middle of a real plate
        };
        for (long bits : invalid) {
            assertThatThrownBy(() -> PackedPlate.unpack(bits)).as("0x%x", bits).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void randomKeys_roundTrip_andNeverPackToZero() {
        qt().withExamples(5_000).forAll(KEYS).checkAssert(s -> {
            long bits = PackedPlate.pack(s);
            assertThat(bits).as(s).isNotZero();
            assertThat(PackedPlate.unpack(bits)).isEqualTo(s);
        });
    }

    @Test
    void distinctKeys_neverCollide_property() {
        // mode 0: an equal copy of a, 1: a with its last char replaced, 2: a one char shorter, 3: an independent key
        qt().withExamples(5_000).forAll(KEYS, KEYS, integers().between(0, 3)).checkAssert((a, other, mode) -> {
            String b = switch (mode) {
                case 0 -> new String(a.toCharArray());
                case 1 -> a.substring(0, a.length() - 1) + other.charAt(other.length() - 1);
                case 2 -> a.length() > 1 ? a.substring(0, a.length() - 1) : other;
                default -> other;
            };
            assertThat(PackedPlate.pack(a) == PackedPlate.pack(b)).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        });
    }

    @Test
    void distinctKeys_neverCollide_inBulk() {
        Random r = new Random(42);
        Map<Long, String> seen = new HashMap<>();
        for (int n = 0; n < 300_000; n++) {
            StringBuilder b = new StringBuilder().append(FIRST.charAt(r.nextInt(FIRST.length())));
            int len = 1 + r.nextInt(PackedPlate.MAX_LENGTH);
            // a tiny alphabet for most keys makes repeats and near-misses common
            String rest = r.nextBoolean() ? "0A学" : REST;
            while (b.length() < len) {
                b.append(rest.charAt(r.nextInt(rest.length())));
            }
            String s = b.toString();
            String previous = seen.putIfAbsent(PackedPlate.pack(s), s);
            assertThat(previous == null || previous.equals(s)).as("%s vs %s", previous, s).isTrue();
        }
    }

    @Test
    void hash_spreadsSequentialPlatesOverBuckets() {
        // 100,000 keys into 65,536 buckets: a random function fills ~51,300 of them (1 - e^-1.53); 60,000 is
        // unreachable for any uniform hash, so the bar is set just below the random expectation.
        BitSet low = new BitSet(1 << 16);
        BitSet high = new BitSet(1 << 16);
        int[] load = new int[1 << 16];
        int maxLoad = 0;
        for (int i = 0; i < 100_000; i++) {
            int h = PackedPlate.hash(PackedPlate.pack(String.format("浙A%05d", i)));
            low.set(h & 0xFFFF);
            high.set(h >>> 16);
            maxLoad = Math.max(maxLoad, ++load[h & 0xFFFF]);
        }
        assertThat(low.cardinality()).isGreaterThan(50_000);
        assertThat(high.cardinality()).isGreaterThan(50_000);
        assertThat(maxLoad).isLessThanOrEqualTo(12);
    }

    @Test
    void hash_isAFunctionOfThePackedValue() {
        assertThat(PackedPlate.hash(PackedPlate.pack("浙A12345"))).isEqualTo(PackedPlate.hash(PackedPlate.pack(new String("浙A12345"))));
        assertThat(PackedPlate.hash(PackedPlate.pack("浙A12345"))).isNotEqualTo(PackedPlate.hash(PackedPlate.pack("浙A12346")));
    }
}
