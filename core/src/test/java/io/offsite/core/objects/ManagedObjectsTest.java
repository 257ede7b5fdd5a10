package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagedObjectsTest {
    private static Reader res(String path) {
        return new InputStreamReader(ManagedObjectsTest.class.getResourceAsStream(path), StandardCharsets.UTF_8);
    }

    private final IndustryTaxonomy taxonomy = IndustryTaxonomy.load(res("/io/offsite/core/objects/sample-industries.json"));
    private final ManagedObjectsGeoJson codec = ManagedObjectsGeoJson.of(ObjectCategory.builtIn(), taxonomy);

    @Test
    void sampleTaxonomy_mapsSubclassToIndustry() {
        assertThat(taxonomy.industries()).hasSize(5);
        assertThat(taxonomy.subclassCount()).isEqualTo(16);
        assertThat(taxonomy.industryOf("H6291")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("住宿和餐饮业"));
        assertThat(taxonomy.industryOf("ZZZ")).isEmpty();
    }

    @Test
    void taxonomyWithDuplicateCode_namesThePath() {
        String json = "{\"industries\":[{\"code\":\"A\",\"name\":\"a\",\"subclasses\":[{\"code\":\"A1\",\"name\":\"x\"},{\"code\":\"A1\",\"name\":\"y\"}]}]}";
        assertThatThrownBy(() -> IndustryTaxonomy.load(new StringReader(json)))
                .hasMessageContaining("industries[0].subclasses[1].code").hasMessageContaining("used twice");
    }

    @Test
    void importedObjects_locateToTheirStreetAndOfficer() {
        Grid grid = GridGeoJson.create().readGrid(res("/grid/huangyan-district.geojson"));
        List<ManagedObject> objects = codec.read(res("/objects/shops.geojson"));
        assertThat(objects).hasSize(3);
        assertThat(objects.get(0).locateIn(grid)).hasValueSatisfying(l -> {
            assertThat(l.cell().id().value()).isEqualTo("HY-1-A-1");
            assertThat(l.responsibleOfficer()).isEqualTo(OfficerId.of("HYZF-1001"));
        });
        assertThat(objects.get(2).category()).isEqualTo(ObjectCategory.SMALL_VENDOR);
        assertThat(objects.get(2).locateIn(grid)).hasValueSatisfying(l -> assertThat(l.cell().name()).isEqualTo("永宁公园"));
    }

    @Test
    void unknownCategory_namesFeatureAndProperty() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{\"id\":\"x\",\"category\":\"bank\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0].properties.category").hasMessageContaining("bank");
    }

    @Test
    void unknownIndustry_namesFeatureAndProperty() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{\"id\":\"x\",\"category\":\"enterprise\",\"industry\":\"Q9\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).hasMessageContaining("features[0].properties.industry");
    }

    @Test
    void cityDefinedCategory_isAccepted() {
        List<ObjectCategory> cats = new ArrayList<>(ObjectCategory.builtIn());
        cats.add(ObjectCategory.of("construction-site", "建筑工地"));
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{\"id\":\"x\",\"category\":\"construction-site\"}}]}";
        assertThat(ManagedObjectsGeoJson.of(cats, taxonomy).read(new StringReader(json)).get(0).category().name()).isEqualTo("建筑工地");
    }

    @Test
    void exportThenImport_isLossless() {
        List<ManagedObject> objects = codec.read(res("/objects/shops.geojson"));
        assertThat(codec.read(new StringReader(codec.write(objects)))).isEqualTo(objects);
    }

    @Test
    void archive_appendsWithoutChangingTheOriginal() {
        EnterpriseArchive empty = EnterpriseArchive.empty("E1");
        EnterpriseArchive one = empty.withPatrol(new EnterpriseArchive.Patrol(Instant.EPOCH, OfficerId.of("ZF-1"), "ok"))
                .withFinding(new EnterpriseArchive.Finding(Instant.EPOCH, Violation.TRADING_BEYOND_SHOPFRONT, "goods on pavement"))
                .withCase(new EnterpriseArchive.CaseRef("C-1", Violation.TRADING_BEYOND_SHOPFRONT, Instant.EPOCH));
        assertThat(empty.patrols()).isEmpty();
        assertThat(one.patrols()).hasSize(1);
        assertThat(one.findings()).hasSize(1);
        assertThat(one.cases()).hasSize(1);
        assertThat(new ManagedObject("m", "m", ObjectCategory.ENTERPRISE, Optional.empty(), GeoPoint.of(1, 1)).id()).isEqualTo("m");
    }

    @Test
    void misspelledProperty_isRefusedListingTheAllowedOnes() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{\"id\":\"x\",\"categroy\":\"enterprise\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0].properties.categroy").hasMessageContaining("[category, id, industry, name]");
    }

    @Test
    void blankId_isAGeoJsonExceptionNotIllegalArgument() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[120,30]},\"properties\":{\"id\":\" \",\"category\":\"enterprise\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0].properties.id");
    }

    @Test
    void nonPointObject_namesTheGeometry() {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[120,30],[121,30]]},\"properties\":{\"id\":\"x\",\"category\":\"enterprise\"}}]}";
        assertThatThrownBy(() -> codec.read(new StringReader(json))).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0].geometry").hasMessageContaining("LineString");
    }

    @Test
    void taxonomyWithUnknownKeyDuplicateKeyOrTrailingDocument_isRefusedWithItsPath() {
        String ok = "{\"industries\":[{\"code\":\"A\",\"name\":\"a\",\"subclasses\":[{\"code\":\"A1\",\"name\":\"x\"}]}]}";
        assertThat(IndustryTaxonomy.load(new StringReader(ok)).subclassCount()).isEqualTo(1);
        assertThatThrownBy(() -> IndustryTaxonomy.load(new StringReader(ok.replace("\"name\":\"x\"", "\"nmae\":\"x\""))))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("industries[0].subclasses[0].nmae")
                .hasMessageContaining("[code, name]");
        assertThatThrownBy(() -> IndustryTaxonomy.load(new StringReader(ok.replace("\"name\":\"a\"", "\"name\":\"a\",\"name\":\"b\""))))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("Duplicate field 'name'");
        assertThatThrownBy(() -> IndustryTaxonomy.load(new StringReader(ok + ok)))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> IndustryTaxonomy.load(new StringReader("[" .repeat(10_000))))
                .isInstanceOf(TaxonomyException.class).hasMessageContaining("nesting depth");
    }
}
