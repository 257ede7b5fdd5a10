package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceGeoJson;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grid and fences live in the database: two servers on one database share them; old data directories are imported. */
class PlacesInDatabaseTest {
    private static final String GRID = OffsiteServer.resource("/demo/huangyan-district.geojson");
    private static final String FENCES = OffsiteServer.resource("/demo/fences.geojson");

    private static Places open(OffsiteDatabase db, Path dir) {
        return Places.open(JdbcDocuments.create(db), dir, GRID, FENCES, g -> new Directory(g, Map.of(), Map.of()));
    }

    private static Fence extra(String id) {
        return FenceGeoJson.create().read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\""
                + id + "\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.25,28.64],[121.251,28.64],"
                + "[121.251,28.6406],[121.25,28.6406],[121.25,28.64]]]},\"properties\":{\"kind\":\"NO_PARKING\","
                + "\"cell\":\"HY-1-A-1\"}}]}").get(0);
    }

    @Test
    void fenceAddedOnOneServer_reachesTheOtherOnRefresh_andAConcurrentAddIsNotLost() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Places a = open(db, dir);
            Places b = open(db, dir);
            int before = a.fences().size();
            assertThat(a.putFences(List.of(extra("no-parking-test-a")))).isEqualTo(1);
            assertThat(b.fence("no-parking-test-a")).isEmpty(); // not yet: b has not refreshed
            // b writes from its stale view: it reloads a's fences, re-applies its own change and writes again
            assertThat(b.putFences(List.of(extra("no-parking-test-b")))).isEqualTo(1);
            assertThat(b.fences()).hasSize(before + 2);
            assertThat(b.registry().snapshot().fence("no-parking-test-a")).isPresent(); // the engine's index has both
            assertThat(a.refresh()).isTrue();
            assertThat(a.fences()).extracting(Fence::id).contains("no-parking-test-a", "no-parking-test-b");
            assertThat(a.registry().snapshot().fence("no-parking-test-b")).isPresent();
            assertThat(a.refresh()).isFalse(); // nothing new
            assertThat(b.removeFence("no-parking-test-a")).isTrue();
            assertThat(a.refresh()).isTrue();
            assertThat(a.fence("no-parking-test-a")).isEmpty();
            assertThat(a.registry().snapshot().fence("no-parking-test-a")).isEmpty();
            // a restarted server finds what was last written, not the seed
            assertThat(open(db, dir).fences()).extracting(Fence::id).contains("no-parking-test-b")
                    .doesNotContain("no-parking-test-a");
        }
    }

    @Test
    void gridReplacedOnOneServer_isLocatedWithOnTheOtherAfterRefresh() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Places a = open(db, dir);
            Places b = open(db, dir);
            String renamed = GRID.replaceFirst("\"name\"\\s*:\\s*\"([^\"]*)\"", "\"name\": \"$1（改）\"");
            assertThat(renamed).isNotEqualTo(GRID);
            a.replaceGrid(renamed);
            assertThat(b.gridJson()).isEqualTo(GRID);
            assertThat(b.refresh()).isTrue();
            assertThat(b.gridJson()).isEqualTo(renamed);
            b.replaceGrid(GRID); // b's version is current: no conflict
            assertThat(a.refresh()).isTrue();
            assertThat(a.gridJson()).isEqualTo(GRID);
        }
    }

    @Test
    void gridWithoutACellAFenceIsIn_isRefusedNamingTheFence_andChangesNothing() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Places a = open(db, dir);
            Fence fence = a.fences().get(0);
            String cell = fence.cell().value();
            String renamed = GRID.replace("\"" + cell + "\"", "\"" + cell + "-X\"");
            assertThat(renamed).isNotEqualTo(GRID);
            assertThatThrownBy(() -> a.replaceGrid(renamed)).isInstanceOf(ApiException.class)
                    .hasMessageContaining(fence.id()).hasMessageContaining(cell);
            assertThat(a.gridJson()).isEqualTo(GRID);
            assertThat(open(db, dir).gridJson()).as("nothing written").isEqualTo(GRID);
        }
    }

    @Test
    void dataDirectoryFromBeforeTheDatabase_isImportedOnce() throws Exception {
        Path dir = Fixture.newDir();
        List<Fence> one = List.of(extra("no-parking-legacy"));
        Files.writeString(dir.resolve("fences.geojson"), FenceGeoJson.create().write(one), StandardCharsets.UTF_8);
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Places p = open(db, dir);
            assertThat(p.fences()).extracting(Fence::id).containsExactly("no-parking-legacy");
            p.putFences(List.of(extra("no-parking-new")));
            assertThat(open(db, dir).fences()).extracting(Fence::id)
                    .containsExactly("no-parking-legacy", "no-parking-new"); // the file is not read again
        }
    }

    @Test
    void invalidGrid_isRefusedAndTheStoredOneStays() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Places p = open(db, dir);
            assertThatThrownBy(() -> p.replaceGrid("{\"type\":\"FeatureCollection\",\"features\":[{]}"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(open(db, dir).gridJson()).isEqualTo(GRID);
        }
    }
}
