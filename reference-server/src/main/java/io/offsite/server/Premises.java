package io.offsite.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.objects.Frontage;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.IndustryTaxonomy;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ManagedObjectsGeoJson;
import io.offsite.core.objects.ObjectCategory;
import io.offsite.core.objects.ObjectOperator;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.core.spi.ObjectOperators;
import io.offsite.store.jdbc.JdbcDocuments;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The managed objects (管理对象: shops, enterprises) the bureau supervises, their registered operators and their files
 * ("one enterprise, one file", 一企一档). Objects and operators are documents in the database ({@code objects},
 * {@code operators}: GeoJSON and JSON; seeded from the demo's when {@code --demo}, or imported once from a data
 * directory's {@code objects.geojson} and {@code operators.json} of an older server); the files of
 * patrols, findings and cases are an {@link EnterpriseFiles} store the host chooses (the database in the server).
 * {@link #frontOf} traces an event to the object in front of which it happened ({@link Frontages}).
 */
final class Premises implements ObjectOperators {
    private final Map<String, ManagedObject> objects = new LinkedHashMap<>();
    private final Map<String, ObjectOperator> operators;
    private final Frontages frontages;
    private final EnterpriseFiles files;

    private Premises(List<ManagedObject> objects, Map<String, ObjectOperator> operators,
            Function<List<ManagedObject>, EnterpriseFiles> files) {
        objects.forEach(o -> this.objects.put(o.id(), o));
        this.operators = Map.copyOf(operators);
        this.frontages = Frontages.builder().addAll(objects).build();
        this.files = files.apply(objects);
    }

    /**
     * Opens the database's objects and operators, seeding them from {@code seedObjects}/{@code seedOperators} (or the
     * legacy files in {@code dir}) when absent; {@code files} makes the file store for the objects read.
     */
    static Premises open(JdbcDocuments docs, Path dir, String seedObjects, String seedOperators,
            Function<List<ManagedObject>, EnterpriseFiles> files) {
        String objectsJson = Documents.seedOnce(docs, "objects", dir.resolve("objects.geojson"), seedObjects).body();
        String operatorsJson = Documents.seedOnce(docs, "operators", dir.resolve("operators.json"), seedOperators)
                .body();
        IndustryTaxonomy taxonomy;
        try (var in = new InputStreamReader(IndustryTaxonomy.class.getResourceAsStream(
                "/io/offsite/core/objects/sample-industries.json"), StandardCharsets.UTF_8)) {
            taxonomy = IndustryTaxonomy.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample industry taxonomy: " + e.getMessage(), e);
        }
        List<ManagedObject> objects = ManagedObjectsGeoJson.of(ObjectCategory.builtIn(), taxonomy)
                .read(new StringReader(objectsJson));
        return new Premises(objects, operators(operatorsJson, "objects"), files);
    }

    /** The files in the server's database ({@code store-jdbc}): a file is opened for every object read. */
    static Function<List<ManagedObject>, EnterpriseFiles> databaseFiles(io.offsite.store.jdbc.OffsiteDatabase db) {
        return objects -> {
            io.offsite.store.jdbc.JdbcEnterpriseFiles files = io.offsite.store.jdbc.JdbcEnterpriseFiles.create(db);
            files.openAll(objects);
            return files;
        };
    }

    /** Reads {@code [{"objectId":…,"name":…,"phone":…,"uscc":…}]}; errors name the entry and field. */
    private static Map<String, ObjectOperator> operators(String json, String objectsFile) {
        Map<String, ObjectOperator> out = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("document operators: not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("document operators: must be an array of operators");
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String where = "operators[" + i + "]";
            String objectId = text(n, "objectId", where);
            String name = text(n, "name", where);
            String phone = text(n, "phone", where);
            try {
                ObjectOperator op = n.hasNonNull("uscc")
                        ? ObjectOperator.business(objectId, name, phone, n.get("uscc").asText())
                        : ObjectOperator.person(objectId, name, phone);
                if (out.put(objectId, op) != null) {
                    throw new IllegalArgumentException(where + ": a second operator for object " + objectId);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": a non-blank string is required");
        }
        return v.asText();
    }

    List<ManagedObject> objects() {
        return new ArrayList<>(objects.values());
    }

    Optional<ManagedObject> object(String id) {
        return Optional.ofNullable(objects.get(id));
    }

    @Override
    public Optional<ObjectOperator> operatorOf(String objectId) {
        return Optional.ofNullable(operators.get(objectId));
    }

    /** The object in front of which something at {@code at} happened, if one is near enough. */
    Optional<Frontage> frontOf(GeoPoint at) {
        return frontages.locate(at);
    }

    EnterpriseFiles files() {
        return files;
    }
}
