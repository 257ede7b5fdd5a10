package io.offsite.core.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geo.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the data-file cases of {@code frontage-cases.json} (positions in metres around a door on 劳动北路). */
class FrontageCasesTest {
    private static final JsonNode DOC = read();
    private static final LocalProjection M = LocalProjection.centredOn(
            GeoPoint.of(DOC.get("origin").get(0).asDouble(), DOC.get("origin").get(1).asDouble()));

    private static JsonNode read() {
        try (InputStream in = FrontageCasesTest.class.getResourceAsStream("frontage-cases.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> out = new ArrayList<>();
        DOC.get("cases").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void frontageCase(JsonNode c) {
        Frontages.Builder b = Frontages.builder();
        for (JsonNode o : DOC.get("objects")) {
            b.add(new ManagedObject(o.get("id").asText(), o.get("id").asText(), ObjectCategory.STREET_SHOP,
                    Optional.empty(), M.unproject(o.get("east").asDouble(), o.get("north").asDouble())));
        }
        for (JsonNode f : DOC.get("frontages")) {
            JsonNode r = f.get("rect");
            GeoPoint sw = M.unproject(r.get(0).asDouble(), r.get(2).asDouble());
            GeoPoint ne = M.unproject(r.get(1).asDouble(), r.get(3).asDouble());
            b.frontage(f.get("object").asText(), Shapes.polygon(sw.lon(), sw.lat(), ne.lon(), sw.lat(), ne.lon(),
                    ne.lat(), sw.lon(), ne.lat()));
        }
        if (c.has("maxDistanceMeters")) {
            b.maxDistanceMeters(c.get("maxDistanceMeters").asDouble());
        }
        Optional<Frontage> hit = b.build().locate(M.unproject(c.get("at").get(0).asDouble(), c.get("at").get(1).asDouble()));
        if (c.get("expect").isNull()) {
            assertThat(hit).as(c.get("name").asText()).isEmpty();
        } else {
            assertThat(hit).as(c.get("name").asText()).hasValueSatisfying(f -> {
                assertThat(f.object().id()).isEqualTo(c.get("expect").asText());
                assertThat(f.match().name()).isEqualTo(c.get("match").asText());
            });
        }
    }
}
