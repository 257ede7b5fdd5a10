package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exemption plate patterns: linear-time RE2 matching, bounded compilation, errors naming pattern and position. */
class PlatePatternTest {

    @Test
    void backtrackingPattern_matchesInLinearTime_withNoCatastrophe() {
        // java.util.regex needs minutes for this (issue 11); RE2 simulates all paths at once. Counted, not timed:
        // the whole plate is one input; a linear engine answers it like any other.
        Exemptions ex = Exemptions.none().withPlatePattern("浙(.*A){12}B");
        String plate = "浙" + "A".repeat(40);
        assertThat(ex.exempts(plate, VehicleClass.ORDINARY, 0)).isFalse();
        assertThat(ex.exempts("浙" + "A".repeat(12) + "B", VehicleClass.ORDINARY, 0)).isTrue();
    }

    @Test
    void pattern_matchesTheWholePlate() {
        PlatePattern police = PlatePattern.compile("^.*警$");
        assertThat(police.matches("浙A1234警")).isTrue();
        assertThat(police.matches("浙A12345")).isFalse();
        assertThat(PlatePattern.compile("浙J").matches("浙J12345")).isFalse();
        assertThat(PlatePattern.compile("浙J.*").matches("浙J12345")).isTrue();
    }

    @Test
    void invalidPattern_isRefusedNamingPatternPositionAndReason() {
        assertThatThrownBy(() -> Exemptions.none().withPlatePattern("浙A[z-a]"))
                .isInstanceOf(GeofenceException.class)
                .hasMessageContaining("\"浙A[z-a]\"").hasMessageContaining("invalid character class range")
                .hasMessageContaining("at index 3");
        assertThatThrownBy(() -> PlatePattern.compile("警(?=x)")).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("at index 1").hasMessageContaining("Perl syntax");
        assertThatThrownBy(() -> PlatePattern.compile("(abc")).isInstanceOf(GeofenceException.class)
                .hasMessageContaining("missing closing )");
    }

    @Test
    void nestedCountedRepetition_isRefusedBeforeCompiling() {
        // RE2/J alone would build a 10^9-instruction program for this
        assertThatThrownBy(() -> PlatePattern.compile("((a{1000}){1000}){1000}"))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("expands to more than 1000 atoms");
        assertThatThrownBy(() -> PlatePattern.compile("(a{40}){40}")).isInstanceOf(GeofenceException.class);
        assertThat(PlatePattern.compile("(a{30}){30}").regex()).isEqualTo("(a{30}){30}");
        assertThat(PlatePattern.compile("^浙J[0-9A-Z]{5}$").matches("浙JA1234")).isTrue();
    }

    @Test
    void overlongPattern_isRefused() {
        assertThatThrownBy(() -> PlatePattern.compile("a".repeat(PlatePattern.MAX_LENGTH + 1)))
                .isInstanceOf(GeofenceException.class).hasMessageContaining("at most 200");
    }

    @Test
    void expandedSize_countsGroupsTimesTheirRepetition() {
        assertThat(RepeatBound.expandedSize("^.*警$", 1000)).isEqualTo(4);
        assertThat(RepeatBound.expandedSize("(ab){10}c", 1000)).isEqualTo(21);
        assertThat(RepeatBound.expandedSize("a{2,5}", 1000)).isEqualTo(5);
        assertThat(RepeatBound.expandedSize("a{3,}", 1000)).isEqualTo(4);
        assertThat(RepeatBound.expandedSize("[{}]{4}", 1000)).isEqualTo(4);
        assertThat(RepeatBound.expandedSize("\\Qa{9}\\E", 1000)).isEqualTo(4);
        assertThat(RepeatBound.expandedSize("a{x}", 1000)).isEqualTo(4);
    }

    @Test
    void platePatterns_roundTripThroughFenceGeoJson() {
        Fence f = Scenario.noParking("F1").exemptions(Exemptions.defaults().withPlatePattern("^.*警$")
                .withPlatePattern("^.*(使|领)$")).build();
        List<Fence> back = FenceGeoJson.create().read(FenceGeoJson.create().write(List.of(f)));
        assertThat(back.get(0).exemptions().platePatterns()).extracting(PlatePattern::regex)
                .containsExactly("^.*警$", "^.*(使|领)$");
        assertThat(back.get(0).exemptions()).isEqualTo(f.exemptions());
    }

    @Test
    void invalidPatternInGeoJson_isRefusedNamingThePattern() {
        Fence f = Scenario.noParking("F1").exemptions(Exemptions.defaults().withPlatePattern("^.*警$")).build();
        String json = FenceGeoJson.create().write(List.of(f)).replace("^.*警$", "警(?<=x)");
        assertThatThrownBy(() -> FenceGeoJson.create().read(json)).isInstanceOf(io.offsite.core.OffsiteException.class)
                .hasMessageContaining("警(?<=x)");
    }
}
