package io.offsite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.GridLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped illustrative data says it is a sample, and the demo's grid is Huangyan's (黄岩区, around
 * 121.26°E 28.64°N), so nobody mistakes it for an official grid or a published discretion table.
 */
class SampleDataLabelTest {
    /** Every shipped penalty table (cases module); their tier bands are illustrative. */
    private static final List<String> PENALTY_TABLES = List.of("parking", "road-occupation", "trading-beyond-shopfront",
            "household-waste", "sewage-dumping", "construction-waste", "temporary-structure", "illegal-building");

    private static String resource(String path) {
        try (InputStream in = SampleDataLabelTest.class.getResourceAsStream(path)) {
            assertThat(in).as("resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sampleGrid_isLabelledSample_andLiesOverHuangyan() {
        String json = resource("/sample/huangyan-district.geojson");
        assertThat(json).contains("\"sample\": true").contains("\"note\": \"sample data, not an official grid");
        Grid grid = GridGeoJson.create().readGrid(new InputStreamReader(
                SampleDataLabelTest.class.getResourceAsStream("/sample/huangyan-district.geojson"), StandardCharsets.UTF_8));
        assertThat(grid.locate(121.26, 28.64)).hasValueSatisfying(l -> assertThat(l.at(GridLevel.BUILT_UP_AREA))
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("黄岩区建成区")));
        assertThat(grid.cells()).allSatisfy(c -> assertThat(c.responsibleOfficer().value()).startsWith("HYZF-"));
    }

    @Test
    void shippedPenaltyTables_sayTheirTiersAreASample() {
        for (String table : PENALTY_TABLES) {
            assertThat(resource("/io/offsite/cases/penalty/" + table + ".json")).as(table)
                    .contains("\"note\": \"Sample table: the tiers and their fine bands are illustrative")
                    .contains("(sample)");
        }
    }

    @Test
    void shippedIndustryTaxonomy_saysItIsASample() {
        assertThat(resource("/io/offsite/core/objects/sample-industries.json")).contains("\"source\": \"Sample taxonomy");
    }
}
