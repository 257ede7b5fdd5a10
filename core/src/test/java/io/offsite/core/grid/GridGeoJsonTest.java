package io.offsite.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geojson.GeoJsonException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridGeoJsonTest {
    private final GridGeoJson codec = GridGeoJson.create();

    private static String one(String props) {
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[120,30],[120.01,30],[120.01,30.01],[120,30]]]},\"properties\":" + props + "}]}";
    }

    @Test
    void sampleDistrict_loadsAllLevelsMembersAndRoles() {
        List<GridCell> cells = Cells.district();
        assertThat(cells).hasSize(12);
        GridCell street = cells.stream().filter(c -> c.id().value().equals("HY-1-B-1")).findFirst().orElseThrow();
        assertThat(street.level()).isEqualTo(GridLevel.STREET);
        assertThat(street.members()).extracting(GridMember::role).containsExactly(MemberRole.ENFORCEMENT_OFFICER, MemberRole.LANDSCAPING);
        assertThat(street.polygon().getNumGeometries()).isEqualTo(1);
        assertThat(((org.locationtech.jts.geom.Polygon) street.polygon()).getNumInteriorRing()).isEqualTo(1);
    }

    @Test
    void exportThenImport_isLossless() {
        List<GridCell> cells = Cells.district();
        List<GridCell> back = codec.read(new StringReader(codec.write(cells)));
        assertThat(back).hasSameSizeAs(cells);
        for (int i = 0; i < cells.size(); i++) {
            GridCell a = cells.get(i);
            GridCell b = back.get(i);
            assertThat(b.polygon().equalsExact(a.polygon())).isTrue();
            assertThat(b).usingRecursiveComparison().ignoringFields("polygon").isEqualTo(a);
        }
    }

    @Test
    void badLevel_namesFeatureAndProperty() {
        assertThatThrownBy(() -> codec.read(new StringReader(one("{\"id\":\"x\",\"level\":\"district\",\"responsibleOfficer\":\"o\"}"))))
                .isInstanceOf(GeoJsonException.class).hasMessageContaining("features[0].properties.level")
                .hasMessageContaining("district");
    }

    @Test
    void missingResponsibleOfficer_namesFeatureAndProperty() {
        assertThatThrownBy(() -> codec.read(new StringReader(one("{\"id\":\"x\",\"level\":\"street\"}"))))
                .hasMessageContaining("features[0].properties.responsibleOfficer");
    }

    @Test
    void badMemberRole_namesTheMemberIndex() {
        String props = "{\"id\":\"x\",\"level\":\"street\",\"responsibleOfficer\":\"o\",\"members\":[{\"id\":\"o\",\"role\":\"enforcement-officer\"},{\"id\":\"p\",\"role\":\"chef\"}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(one(props))))
                .hasMessageContaining("features[0].properties.members[1].role").hasMessageContaining("chef");
    }

    @Test
    void lineStringCell_isRejectedNamingTheFeature() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[120,30],[120.01,30]]},\"properties\":{\"id\":\"x\",\"level\":\"street\",\"responsibleOfficer\":\"o\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).hasMessageContaining("features[0]")
                .hasMessageContaining("Polygon or MultiPolygon");
    }
}
