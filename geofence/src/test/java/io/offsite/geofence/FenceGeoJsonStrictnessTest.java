package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geojson.GeoJsonException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Fence import is strict: every finding of issue 11 about fence GeoJSON has its rule pinned here. */
class FenceGeoJsonStrictnessTest {
    /** Feature 1 of a two-feature collection, so each error must name index 1; {@code props} follow kind and cell. */
    private static String doc(String props) {
        String feature = "{\"type\":\"Feature\",\"id\":\"F%d\",\"geometry\":" + EntryPointDefaultsTest.POLYGON
                + ",\"properties\":{\"kind\":\"NO_PARKING\",\"cell\":\"street-7\"%s}}";
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.format(feature, 0, "") + ","
                + String.format(feature, 1, props) + "]}";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String props, String path) {
        return assertThatThrownBy(() -> FenceGeoJson.create().read(doc(props))).isInstanceOf(GeoJsonException.class)
                .hasMessageStartingWith("features[1].properties." + path + ": ")
                .satisfies(e -> assertThat(((GeoJsonException) e).featureIndex()).isEqualTo(1));
    }

    @Test
    void maxNoticesPerDayBeyondInt_isRefusedNotWrappedToOne() {
        refused(",\"policy\":{\"maxNoticesPerDay\":4294967297}", "policy.maxNoticesPerDay")
                .hasMessageContaining("must be within 1..2147483647, was 4294967297");
    }

    @Test
    void fractionalMinStills_isRefusedNotTruncated() {
        refused(",\"policy\":{\"minStills\":2.9}", "policy.minStills").hasMessageContaining("expected a whole number, was 2.9");
        assertThat(FenceGeoJson.create().read(doc(",\"policy\":{\"minStills\":4}")).get(1).policy().minStills).isEqualTo(4);
    }

    @Test
    void escalateAtOnceAfterNegativeOrHuge_isRefusedWithItsPath() {
        refused(",\"policy\":{\"repeat\":{\"scope\":\"SUBJECT\",\"windowSeconds\":60,\"escalateAtOnceAfter\":1e30}}",
                "policy.repeat.escalateAtOnceAfter").hasMessageContaining("must be within 0..2147483647");
    }

    @Test
    void wrongJsonType_givesThePathAndTheExpectedType() {
        refused(",\"policy\":{\"videoClip\":\"yes\"}", "policy.videoClip").hasMessageContaining("expected true or false, was \"yes\"");
        refused(",\"policy\":{\"dwellSeconds\":\"600\"}", "policy.dwellSeconds").hasMessageContaining("expected a number");
        refused(",\"schedule\":{\"zone\":8}", "schedule.zone").hasMessageContaining("expected a string, was 8");
        refused(",\"exemptions\":{\"platePatterns\":[\"^.*警$\", 7]}", "exemptions.platePatterns[1]")
                .hasMessageContaining("expected a string");
        refused(",\"exemptions\":{\"permits\":{\"plate\":\"浙A12345\"}}", "exemptions.permits").hasMessageContaining("expected an array");
        refused(",\"policy\":[]", "policy").hasMessageContaining("expected an object, was []");
        refused(",\"policy\":{\"steps\":[\"NOTIFY\"]}", "policy.steps[0]").hasMessageContaining("expected an object");
    }

    @Test
    void enumValues_listTheAllowedValues() {
        refused(",\"policy\":{\"windowFrom\":\"SERVICE\"}", "policy.windowFrom")
                .hasMessageContaining("unknown value \"SERVICE\"; allowed: [DELIVERY, DECISION]");
        refused(",\"exemptions\":{\"classes\":[\"POLICE\",\"TAXI\"]}", "exemptions.classes[1]")
                .hasMessageContaining("allowed: [").hasMessageContaining("AMBULANCE");
        refused(",\"policy\":{\"repeat\":{\"scope\":\"CITY\",\"windowSeconds\":60}}", "policy.repeat.scope")
                .hasMessageContaining("allowed: [");
        refused(",\"policy\":{\"steps\":[{\"actions\":[\"SHOUT\"]}]}", "policy.steps[0].actions[0]")
                .hasMessageContaining("allowed: [");
        refused(",\"schedule\":{\"weekly\":[{\"days\":[\"MOON\"],\"from\":\"08:00\",\"to\":\"09:00\"}]}",
                "schedule.weekly[0].days[0]").hasMessageContaining("allowed: MON, TUE");
    }

    @Test
    void missingScheduleMembers_areGeoJsonExceptionsNotNullPointers() {
        refused(",\"schedule\":{\"weekly\":[{\"days\":[\"MON\"],\"from\":\"08:00\"}]}", "schedule.weekly[0].to")
                .hasMessageContaining("required string is missing");
        refused(",\"schedule\":{\"on\":[{\"from\":\"08:00\",\"to\":\"09:00\"}]}", "schedule.on[0].date")
                .hasMessageContaining("required string is missing");
        refused(",\"exemptions\":{\"permits\":[{\"plate\":\"浙A12345\",\"validFrom\":\"2026-01-01T00:00:00Z\"}]}",
                "exemptions.permits[0].validUntil").hasMessageContaining("required string is missing");
        refused(",\"policy\":{\"repeat\":{\"scope\":\"SUBJECT\"}}", "policy.repeat.windowSeconds")
                .hasMessageContaining("required number is missing");
    }

    @Test
    void malformedTimesDatesAndZones_nameThePath() {
        refused(",\"schedule\":{\"weekly\":[{\"days\":[\"MON\"],\"from\":\"8 am\",\"to\":\"09:00\"}]}",
                "schedule.weekly[0].from").hasMessageContaining("expected a time like 08:30 or 24:00");
        refused(",\"schedule\":{\"off\":[\"2026-10-01\",\"2026-13-01\"]}", "schedule.off[1]").hasMessageContaining("ISO date");
        refused(",\"schedule\":{\"zone\":\"Mars/Olympus\"}", "schedule.zone").hasMessageContaining("time-zone id");
    }

    @Test
    void unknownKeys_areRefusedAtEveryLevelOfTheSchema() {
        refused(",\"responsibleOfficr\":\"x\"", "responsibleOfficr").hasMessageContaining("unknown key; allowed: [");
        refused(",\"policy\":{\"maxNoticePerDay\":2}", "policy.maxNoticePerDay").hasMessageContaining("maxNoticesPerDay");
        refused(",\"schedule\":{\"weekly\":[{\"days\":[\"MON\"],\"from\":\"08:00\",\"to\":\"09:00\",\"until\":\"x\"}]}",
                "schedule.weekly[0].until").hasMessageContaining("unknown key");
        refused(",\"exemptions\":{\"permits\":[{\"plate\":\"浙A12345\",\"validFrom\":\"2026-01-01T00:00:00Z\","
                + "\"validUntil\":\"2027-01-01T00:00:00Z\",\"ref\":\"P-1\"}]}", "exemptions.permits[0].ref")
                .hasMessageContaining("reference");
    }

    @Test
    void permitPlateOutsideThePlateRules_isRefusedWithThePathAndMasked() {
        refused(",\"exemptions\":{\"permits\":[{\"plate\":\"浙A12\\u000745\",\"validFrom\":\"2026-01-01T00:00:00Z\","
                + "\"validUntil\":\"2027-01-01T00:00:00Z\"}]}", "exemptions.permits[0].plate")
                .hasMessageContaining("U+0007").hasMessageContaining("浙A****5");
    }

    @Test
    void alwaysTogetherWithWindows_isRefused() {
        refused(",\"schedule\":{\"always\":true,\"weekly\":[]}", "schedule.weekly").hasMessageContaining("\"always\": true");
    }

    @Test
    void durationsBeyondTenYearsOrNegative_areRefused() {
        refused(",\"policy\":{\"dwellSeconds\":1e300}", "policy.dwellSeconds").hasMessageContaining("must be within 0.0..3.15576E8");
        refused(",\"policy\":{\"gapSeconds\":-5}", "policy.gapSeconds").hasMessageContaining("must be within");
    }

    @Test
    void duplicateKeysTrailingContentAndDeepNesting_areRefusedByCoresStrictReader() {
        String dup = doc(",\"policy\":{\"minStills\":4}").replace("\"kind\":\"NO_PARKING\",\"cell\"",
                "\"kind\":\"NO_PARKING\",\"kind\":\"CUSTOM\",\"cell\"");
        assertThatThrownBy(() -> FenceGeoJson.create().read(dup)).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("Duplicate field 'kind'");
        assertThatThrownBy(() -> FenceGeoJson.create().read(doc("") + " {}")).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("not valid JSON");
        String deep = ",\"policy\":" + "{\"repeat\":".repeat(5_000) + "{}" + "}".repeat(5_000);
        assertThatThrownBy(() -> FenceGeoJson.create().read(doc(deep))).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void exportedFences_stillRoundTripUnderTheStrictReader() {
        FenceGeoJson io = FenceGeoJson.create();
        String json = doc(",\"policy\":{\"maxNoticesPerDay\":3,\"minStills\":2,\"windowFrom\":\"DECISION\"},"
                + "\"schedule\":{\"zone\":\"Asia/Shanghai\",\"weekly\":[{\"days\":[\"MON\"],\"from\":\"08:00\",\"to\":\"24:00\"}],"
                + "\"off\":[\"2026-10-01\"],\"on\":[{\"date\":\"2026-10-02\",\"from\":\"10:00\",\"to\":\"11:00\"}]},"
                + "\"exemptions\":{\"classes\":[\"POLICE\"],\"permits\":[{\"plate\":\"浙A12345\","
                + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2027-01-01T00:00:00Z\"}]}");
        String exported = io.write(io.read(json));
        assertThat(io.write(io.read(exported))).isEqualTo(exported);
        assertThat(io.read(exported).get(1).policy().maxNoticesPerDay).isEqualTo(3);
    }

    @Test
    void validFuzzSeeds_import() throws Exception {
        String dir = "FenceImportFuzzTestInputs/anyFenceFile_importsOrThrowsGeoJsonException/";
        for (String seed : new String[] {"area-with-policy.json", "circle-and-corridor.json"}) {
            try (java.io.InputStream in = getClass().getResourceAsStream(dir + seed)) {
                String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(FenceGeoJson.create().read(json)).as(seed).isNotEmpty();
            }
        }
    }
}
