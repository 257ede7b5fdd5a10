package io.offsite.core.geojson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the GeoJSON reader (issue 11.8): any input either reads or fails with a
 * {@link GeoJsonException}; anything else (or running out of the bounded heap) fails the build. Seeds in
 * {@code GeoJsonFuzzTestInputs/}; replayed in every test run, fuzzed for {@code fuzz.duration} in {@code verify}.
 */
class GeoJsonFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyDocument_readsOrThrowsGeoJsonException(byte[] input) {
        try {
            GeoJson.create().read(new String(input, StandardCharsets.UTF_8));
        } catch (GeoJsonException expected) {
            // the module's own exception is the only allowed failure
        }
    }
}
