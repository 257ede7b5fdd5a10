package io.offsite.core.grid;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.offsite.core.geojson.GeoJsonException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of grid import and validation (issue 11.8): any input either builds a grid or fails
 * with a {@link GeoJsonException} (file) or {@link GridValidationException} (grid rules); nothing else, and
 * never past the bounded heap.
 */
class GridImportFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void anyGridFile_buildsOrThrowsItsModuleException(byte[] input) {
        try {
            GridGeoJson.create().readGrid(new StringReader(new String(input, StandardCharsets.UTF_8)));
        } catch (GeoJsonException | GridValidationException expected) {
            // the module's own exceptions are the only allowed failures
        }
    }
}
