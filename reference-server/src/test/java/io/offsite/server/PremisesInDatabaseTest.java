package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Managed objects and operators live in the database: replaced through the API's calls, picked up by another server
 * on refresh, kept over a restart; a bad document or an operator of an unlisted object changes nothing.
 */
class PremisesInDatabaseTest {
    private static final String OBJECTS = OffsiteServer.resource("/demo/objects.geojson");
    private static final String OPERATORS = OffsiteServer.resource("/demo/operators.json");
    private static final String ONE_SHOP = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"id\":\"HY-SHOP-0100\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.2561,28.6312]},"
            + "\"properties\":{\"name\":\"青年路 橘乡水果店\",\"category\":\"street-shop\"}}]}";

    private static Premises open(OffsiteDatabase db, Path dir) {
        return Premises.open(JdbcDocuments.create(db), dir, OBJECTS, OPERATORS, Premises.databaseFiles(db));
    }

    @Test
    void objectsReplacedOnOneServer_reachTheOtherOnRefresh_andSurviveARestart() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Premises a = open(db, dir);
            Premises b = open(db, dir);
            assertThat(a.objects()).extracting(ManagedObject::id).contains("HY-SHOP-0001", "HY-ENT-0003");

            assertThat(a.replaceObjects(ONE_SHOP)).isEqualTo(1);
            assertThat(a.objects()).extracting(ManagedObject::id).containsExactly("HY-SHOP-0100");
            assertThat(a.files().load("HY-SHOP-0100").objectId()).as("a new object gets a file").isEqualTo("HY-SHOP-0100");
            assertThat(a.files().load("HY-SHOP-0001").objectId()).as("an object no longer listed keeps its file")
                    .isEqualTo("HY-SHOP-0001");
            assertThat(b.object("HY-SHOP-0100")).isEmpty(); // not yet: b has not refreshed
            assertThat(b.refresh()).isTrue();
            assertThat(b.object("HY-SHOP-0100")).isPresent();
            assertThat(b.object("HY-SHOP-0001")).isEmpty();
            assertThat(b.refresh()).isFalse();

            assertThat(b.replaceOperators("[{\"objectId\":\"HY-SHOP-0100\",\"name\":\"陈某（水果店）\","
                    + "\"phone\":\"13800009999\"}]")).isEqualTo(1);
            assertThat(a.refresh()).isTrue();
            assertThat(a.operatorOf("HY-SHOP-0100")).map(ObjectOperator::phone).contains("13800009999");
            assertThat(a.operatorOf("HY-SHOP-0001")).isEmpty();

            Premises restarted = open(db, dir);
            assertThat(restarted.objects()).extracting(ManagedObject::id).containsExactly("HY-SHOP-0100");
            assertThat(restarted.operatorOf("HY-SHOP-0100")).isPresent();
        }
    }

    @Test
    void badObjectsOrAnOperatorOfAnUnlistedObject_areRefused_andChangeNothing() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            Premises a = open(db, dir);
            int before = a.objects().size();
            assertThatThrownBy(() -> a.replaceObjects(ONE_SHOP.replace("street-shop", "spaceship")))
                    .hasMessageContaining("spaceship");
            assertThatThrownBy(() -> a.replaceObjects("{\"type\":\"FeatureCollection\",\"features\":[")).isNotNull();
            assertThatThrownBy(() -> a.replaceOperators("[{\"objectId\":\"HY-SHOP-0001\",\"name\":\"王某\","
                    + "\"phone\":\"13800001111\"},{\"objectId\":\"HY-NOPE\",\"name\":\"某\",\"phone\":\"13800000000\"}]"))
                    .isInstanceOf(ApiException.class).hasMessageContaining("HY-NOPE");
            assertThatThrownBy(() -> a.replaceOperators("[{\"objectId\":\"HY-SHOP-0001\"}]"))
                    .hasMessageContaining("operators[0].name");
            assertThat(a.objects()).hasSize(before);
            assertThat(a.operatorOf("HY-SHOP-0002")).isPresent();
            Premises restarted = open(db, dir);
            assertThat(restarted.objects()).hasSize(before);
            assertThat(restarted.operatorOf("HY-SHOP-0002")).isPresent();
        }
    }
}
