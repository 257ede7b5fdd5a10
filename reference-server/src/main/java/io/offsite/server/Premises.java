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
import io.offsite.store.jdbc.JdbcEnterpriseFiles;
import io.offsite.store.jdbc.StaleDocumentException;
import io.offsite.store.jdbc.StoredDocument;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed objects (管理对象: shops, enterprises) the bureau supervises, their registered operators and their files
 * ("one enterprise, one file", 一企一档). Objects and operators are documents in the database ({@code objects},
 * {@code operators}: GeoJSON and JSON; seeded from the demo's when {@code --demo}, or imported once from a data
 * directory's {@code objects.geojson} and {@code operators.json} of an older server), replaced through the API
 * ({@link #replaceObjects}, {@link #replaceOperators}: a whole replacement, the last writer wins) and picked up from
 * other servers by {@link #refresh}. The files of patrols, findings and cases are in the database
 * ({@link JdbcEnterpriseFiles}); every object listed has one, and an object no longer listed keeps its file.
 * {@link #frontOf} traces an event to the object in front of which it happened ({@link Frontages}).
 */
final class Premises implements ObjectOperators {
    private static final String OBJECTS = "objects";
    private static final String OPERATORS = "operators";
    private static final int WRITE_TRIES = 5;

    /** What the objects and operators documents say at one version each. */
    private record State(Map<String, ManagedObject> objects, Map<String, ObjectOperator> operators,
            Frontages frontages, long objectsVersion, long operatorsVersion) {
    }

    private final JdbcDocuments docs;
    private final ManagedObjectsGeoJson reader;
    private final JdbcEnterpriseFiles files;
    private volatile State state;

    private Premises(JdbcDocuments docs, ManagedObjectsGeoJson reader, JdbcEnterpriseFiles files, StoredDocument objects,
            StoredDocument operators) {
        this.docs = docs;
        this.reader = reader;
        this.files = files;
        State none = new State(Map.of(), Map.of(), Frontages.builder().build(), -1, -1);
        this.state = withOperators(withObjects(none, reader.read(new StringReader(objects.body())), objects.version()),
                operators(operators.body()), operators.version());
    }

    /**
     * Opens the database's objects and operators, seeding them from {@code seedObjects}/{@code seedOperators} (or the
     * legacy files in {@code dir}) when absent; every object read gets a file in {@code files}.
     */
    static Premises open(JdbcDocuments docs, Path dir, String seedObjects, String seedOperators,
            JdbcEnterpriseFiles files) {
        StoredDocument objects = Documents.seedOnce(docs, OBJECTS, dir.resolve("objects.geojson"), seedObjects);
        StoredDocument operators = Documents.seedOnce(docs, OPERATORS, dir.resolve("operators.json"), seedOperators);
        IndustryTaxonomy taxonomy;
        try (var in = new InputStreamReader(IndustryTaxonomy.class.getResourceAsStream(
                "/io/offsite/core/objects/sample-industries.json"), StandardCharsets.UTF_8)) {
            taxonomy = IndustryTaxonomy.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample industry taxonomy: " + e.getMessage(), e);
        }
        return new Premises(docs, ManagedObjectsGeoJson.of(ObjectCategory.builtIn(), taxonomy), files, objects,
                operators);
    }

    /** The files in the server's database ({@code store-jdbc}). */
    static JdbcEnterpriseFiles databaseFiles(io.offsite.store.jdbc.OffsiteDatabase db) {
        return JdbcEnterpriseFiles.create(db);
    }

    /** {@code s} with {@code objects} listed (at the document's {@code version}); each gets a file if it had none. */
    private State withObjects(State s, List<ManagedObject> objects, long version) {
        files.openAll(objects);
        Map<String, ManagedObject> byId = new LinkedHashMap<>();
        objects.forEach(o -> byId.put(o.id(), o));
        return new State(Collections.unmodifiableMap(byId), s.operators(), Frontages.builder().addAll(objects).build(),
                version, s.operatorsVersion());
    }

    /** {@code s} with {@code operators} registered (at the document's {@code version}). */
    private static State withOperators(State s, Map<String, ObjectOperator> operators, long version) {
        return new State(s.objects(), Map.copyOf(operators), s.frontages(), s.objectsVersion(), version);
    }

    /**
     * Replaces every managed object with those of {@code geoJson} (validated first: a bad document changes nothing);
     * new objects get a file. Returns how many are listed.
     */
    synchronized int replaceObjects(String geoJson) {
        List<ManagedObject> listed = reader.read(new StringReader(geoJson));
        state = withObjects(state, listed, write(OBJECTS, state.objectsVersion(), geoJson));
        return listed.size();
    }

    /**
     * Replaces every registered operator with those of {@code json} ({@code [{"objectId":…,"name":…,"phone":…,
     * "uscc":…}]}); an operator of an object that is not listed is refused, naming its entry. Returns how many.
     */
    synchronized int replaceOperators(String json) {
        Map<String, ObjectOperator> read = operators(json);
        int i = 0;
        for (String objectId : read.keySet()) {
            if (!state.objects().containsKey(objectId)) {
                throw ApiException.field("/" + i + "/objectId", "no managed object " + objectId
                        + " is listed (PUT /objects first)");
            }
            i++;
        }
        state = withOperators(state, read, write(OPERATORS, state.operatorsVersion(), json));
        return read.size();
    }

    /** Writes a whole document over the version last seen; when another server wrote first, over its version. */
    private long write(String name, long seen, String body) {
        long expected = seen;
        for (int tries = 1;; tries++) {
            try {
                return docs.replace(name, expected, body).version();
            } catch (StaleDocumentException e) {
                if (tries == WRITE_TRIES) {
                    throw e;
                }
                expected = e.actual();
            }
        }
    }

    /**
     * Picks up objects or operators another server wrote since this one last read or wrote them.
     *
     * @return whether anything changed
     */
    synchronized boolean refresh() {
        State s = state;
        if (docs.version(OBJECTS).orElse(s.objectsVersion()) != s.objectsVersion()) {
            StoredDocument d = docs.find(OBJECTS).orElseThrow();
            s = withObjects(s, reader.read(new StringReader(d.body())), d.version());
        }
        if (docs.version(OPERATORS).orElse(s.operatorsVersion()) != s.operatorsVersion()) {
            StoredDocument d = docs.find(OPERATORS).orElseThrow();
            s = withOperators(s, operators(d.body()), d.version());
        }
        boolean changed = s != state;
        state = s;
        return changed;
    }

    /** Reads {@code [{"objectId":…,"name":…,"phone":…,"uscc":…}]}; errors name the entry and field. */
    private static Map<String, ObjectOperator> operators(String json) {
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
        return new ArrayList<>(state.objects().values());
    }

    Optional<ManagedObject> object(String id) {
        return Optional.ofNullable(state.objects().get(id));
    }

    @Override
    public Optional<ObjectOperator> operatorOf(String objectId) {
        return Optional.ofNullable(state.operators().get(objectId));
    }

    /** The object in front of which something at {@code at} happened, if one is near enough. */
    Optional<Frontage> frontOf(GeoPoint at) {
        return state.frontages().locate(at);
    }

    EnterpriseFiles files() {
        return files;
    }
}
