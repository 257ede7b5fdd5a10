package io.offsite.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.offsite.core.geojson.GeoJsonException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Hostile and careless grid files (issue 11.6, 11.7): closed schema, strict types, implausible grids warned. */
class GridHostileInputTest {
    private static final String OFFICER = "\"responsibleOfficer\":\"o\",\"members\":[{\"id\":\"o\",\"role\":\"enforcement-officer\"}]";
    private final GridGeoJson codec = GridGeoJson.create();

    private static String one(String ring, String props) {
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[" + ring + "]},\"properties\":" + props + "}]}";
    }

    private static final String SMALL = "[[121.2,28.6],[121.3,28.6],[121.3,28.7],[121.2,28.6]]";
    private static final String WORLD = "[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]";

    private GeoJsonException refused(String json) {
        GeoJsonException e = catchThrowableOfType(GeoJsonException.class, () -> codec.read(new StringReader(json)));
        assertThat(e).as("should be refused").isNotNull();
        return e;
    }

    @Test
    void misspelledProperty_isRefusedListingTheAllowedOnes() {
        GeoJsonException e = refused(one(SMALL, "{\"id\":\"x\",\"level\":\"street\",\"responsibleOfficr\":\"o\"}"));
        assertThat(e.path()).isEqualTo("features[0].properties.responsibleOfficr");
        assertThat(e.getMessage()).contains("[id, level, members, name, parent, responsibleOfficer]");
    }

    @Test
    void memberWithUnknownKeyOrWrongTypes_isRefusedNamingTheMember() {
        String base = "{\"id\":\"x\",\"level\":\"street\",\"responsibleOfficer\":\"o\",\"members\":[%s]}";
        assertThat(refused(one(SMALL, base.formatted("{\"id\":\"o\",\"role\":\"enforcement-officer\",\"phone\":\"1\"}"))).path())
                .isEqualTo("features[0].properties.members[0].phone");
        assertThat(refused(one(SMALL, base.formatted("{\"id\":\"o\",\"role\":7}"))).getMessage())
                .contains("members[0].role").contains("enforcement-officer, sanitation, landscaping, municipal");
        assertThat(refused(one(SMALL, base.formatted("{\"id\":\"o\",\"name\":{\"a\":1},\"role\":\"sanitation\"}"))).path())
                .isEqualTo("features[0].properties.members[0].name");
    }

    @Test
    void blankParentOrId_isAGeoJsonExceptionNotIllegalArgument() {
        assertThat(refused(one(SMALL, "{\"id\":\"x\",\"level\":\"area\",\"parent\":\" \"," + OFFICER + "}")).getMessage())
                .contains("features[0]");
        assertThat(refused(one(SMALL, "{\"id\":\"\",\"level\":\"area\"," + OFFICER + "}")).getMessage())
                .contains("features[0]");
    }

    @Test
    void duplicateResponsibleOfficer_isRefusedNotLastWins() {
        GeoJsonException e = refused(one(SMALL, "{\"id\":\"x\",\"level\":\"street\",\"responsibleOfficer\":\"o\","
                + "\"responsibleOfficer\":\"p\"}"));
        assertThat(e.getMessage()).contains("Duplicate field 'responsibleOfficer'");
    }

    @Test
    void worldSizedBuiltUpAreaWithoutChildren_isWarnedAbout() {
        Grid g = Grid.builder().acceptGaps(true)
                .cells(codec.read(new StringReader(one(WORLD, "{\"id\":\"w\",\"level\":\"built-up-area\"," + OFFICER + "}"))))
                .build();
        assertThat(g.warnings()).extracting(GridProblem::kind)
                .contains(GridProblem.Kind.NO_CHILDREN, GridProblem.Kind.IMPLAUSIBLE_EXTENT);
        assertThat(g.warnings()).filteredOn(p -> p.kind() == GridProblem.Kind.IMPLAUSIBLE_EXTENT).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("360.00° × 180.00°"));
        // also in the default (strict) mode the problems are reported, never silently passed
        Grid strict = codec.readGrid(new StringReader(one(WORLD, "{\"id\":\"w\",\"level\":\"built-up-area\"," + OFFICER + "}")));
        assertThat(strict.warnings()).extracting(GridProblem::kind).contains(GridProblem.Kind.IMPLAUSIBLE_EXTENT);
    }

    @Test
    void cityBuiltUpAreaWithoutChildren_isWarnedNoChildrenOnly() {
        Grid g = Grid.builder().acceptGaps(true)
                .cells(codec.read(new StringReader(one(SMALL, "{\"id\":\"b\",\"level\":\"built-up-area\"," + OFFICER + "}"))))
                .build();
        assertThat(g.warnings()).extracting(GridProblem::kind).contains(GridProblem.Kind.NO_CHILDREN)
                .doesNotContain(GridProblem.Kind.IMPLAUSIBLE_EXTENT);
    }

    @Test
    void emptyGrid_isAGridValidationException() {
        GridValidationException e = catchThrowableOfType(GridValidationException.class, () -> Grid.builder().build());
        assertThat(e.problems()).extracting(GridProblem::kind).containsExactly(GridProblem.Kind.EMPTY_GRID);
    }
}
