package io.offsite.core.objects;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.offsite.core.geojson.GeoJsonException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the managed-objects import (issue 11.8): any input either reads or fails with a
 * {@link GeoJsonException}; nothing else, and never past the bounded heap.
 */
class ManagedObjectsFuzzTest {
    private static final IndustryTaxonomy TAXONOMY = IndustryTaxonomy.load(new InputStreamReader(
            ManagedObjectsFuzzTest.class.getResourceAsStream("sample-industries.json"), StandardCharsets.UTF_8));

    @FuzzTest(maxDuration = "15s")
    void anyObjectsFile_readsOrThrowsGeoJsonException(byte[] input) {
        try {
            ManagedObjectsGeoJson.of(List.copyOf(ObjectCategory.builtIn()), TAXONOMY)
                    .read(new StringReader(new String(input, StandardCharsets.UTF_8)));
        } catch (GeoJsonException expected) {
            // the module's own exception is the only allowed failure
        }
    }
}
