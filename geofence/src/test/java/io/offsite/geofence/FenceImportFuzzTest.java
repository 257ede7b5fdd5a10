package io.offsite.geofence;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.offsite.core.geojson.GeoJsonException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of fence GeoJSON import (issue 11.8): any input either imports (and then exports and
 * re-imports) or fails with a {@link GeoJsonException} naming the feature and JSON path — the import's documented
 * exception; nothing else (no ClassCastException, NullPointerException, DateTimeException), never past the
 * bounded heap.
 */
class FenceImportFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyFenceFile_importsOrThrowsGeoJsonException(byte[] input) {
        FenceGeoJson io = FenceGeoJson.create();
        List<Fence> fences;
        try {
            fences = io.read(new String(input, StandardCharsets.UTF_8));
        } catch (GeoJsonException expected) {
            return; // the import's own exception is the only allowed failure
        }
        io.read(io.write(fences)); // what was imported must export and import again
    }
}
