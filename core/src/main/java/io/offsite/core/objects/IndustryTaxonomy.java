package io.offsite.core.objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.internal.json.StrictJson;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The city's industry taxonomy (行业分类): industries, each with sub-classes, loaded as data. The model city
 * has 20 industries and 131 sub-classes. JSON form:
 * <pre>{"source": "...", "industries": [{"code": "H", "name": "住宿和餐饮业", "subclasses": [{"code": "H621", "name": "正餐服务"}]}]}</pre>
 * Codes are unique across industries and sub-classes. Immutable.
 */
public final class IndustryTaxonomy {
    private final List<Industry> industries;
    private final Map<String, Industry> bySubclass;
    private final Map<String, String> subclassNames;

    private IndustryTaxonomy(List<Industry> industries) {
        this.industries = List.copyOf(industries);
        Map<String, Industry> owner = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Industry i : industries) {
            i.subclasses().forEach((code, name) -> {
                owner.put(code, i);
                names.put(code, name);
            });
        }
        this.bySubclass = Collections.unmodifiableMap(owner);
        this.subclassNames = Collections.unmodifiableMap(names);
    }

    /** Keys of the document ({@code source}: where the list comes from), an industry and a sub-class; nothing else. */
    private static final StrictJson READER = StrictJson.builder().maxNestingDepth(16).maxNumberChars(64)
            .maxStringChars(1 << 16).build();
    private static final Set<String> ROOT_KEYS = Set.of("source", "industries");
    private static final Set<String> INDUSTRY_KEYS = Set.of("code", "name", "subclasses");
    private static final Set<String> SUBCLASS_KEYS = Set.of("code", "name");

    /**
     * Loads a taxonomy. Strict: unknown keys, duplicate keys, trailing content and nesting deeper than 16 are
     * refused. Errors are {@link TaxonomyException}s naming the JSON path, e.g.
     * {@code industries[3].subclasses[1].code}, or the line and column of a syntax error.
     */
    public static IndustryTaxonomy load(Reader in) {
        JsonNode root;
        try {
            root = READER.read(in);
        } catch (StrictJson.Malformed e) {
            if (e.kind() == StrictJson.Malformed.Kind.NUMBER) {
                throw new TaxonomyException("$", "not a usable number: " + e.reason());
            }
            throw new TaxonomyException(e.line() < 0 ? "$" : "line " + e.line() + " column " + e.column(),
                    "not valid JSON: " + e.reason());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("reading industry taxonomy", e.getCause());
        }
        if (root == null || !root.isObject()) {
            throw new TaxonomyException("$", "expected an object {\"industries\": [...]}");
        }
        onlyKeys(root, "$", ROOT_KEYS);
        JsonNode arr = root.get("industries");
        if (arr == null || !arr.isArray()) {
            throw new TaxonomyException("industries", "must be an array");
        }
        List<Industry> out = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "industries[" + i + "]";
            JsonNode n = arr.get(i);
            onlyKeys(n, p, INDUSTRY_KEYS);
            String code = text(n, "code", p);
            if (!codes.add(code)) {
                throw new TaxonomyException(p + ".code", "\"" + code + "\" is used twice");
            }
            Map<String, String> subs = new LinkedHashMap<>();
            JsonNode sa = n.get("subclasses");
            if (sa == null || !sa.isArray() || sa.isEmpty()) {
                throw new TaxonomyException(p + ".subclasses", "must be a non-empty array");
            }
            for (int k = 0; k < sa.size(); k++) {
                String sp = p + ".subclasses[" + k + "]";
                onlyKeys(sa.get(k), sp, SUBCLASS_KEYS);
                String sc = text(sa.get(k), "code", sp);
                if (!codes.add(sc)) {
                    throw new TaxonomyException(sp + ".code", "\"" + sc + "\" is used twice");
                }
                subs.put(sc, text(sa.get(k), "name", sp));
            }
            out.add(new Industry(code, text(n, "name", p), subs));
        }
        return new IndustryTaxonomy(out);
    }

    private static void onlyKeys(JsonNode n, String path, Set<String> allowed) {
        if (!n.isObject()) {
            throw new TaxonomyException(path, "must be an object, was " + n.getNodeType());
        }
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new TaxonomyException(path + "." + k, "unknown key; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new TaxonomyException(path + "." + field, "must be a non-blank string");
        }
        return v.asText();
    }

    /** All industries in file order. */
    public List<Industry> industries() {
        return industries;
    }

    /** The industry a sub-class belongs to. */
    public Optional<Industry> industryOf(String subclassCode) {
        return Optional.ofNullable(bySubclass.get(subclassCode));
    }

    /** The display name of a sub-class. */
    public Optional<String> subclassName(String subclassCode) {
        return Optional.ofNullable(subclassNames.get(subclassCode));
    }

    /** Number of sub-classes across all industries. */
    public int subclassCount() {
        return subclassNames.size();
    }

    /**
     * An industry (行业) with its sub-classes.
     *
     * @param code       industry code
     * @param name       display name
     * @param subclasses sub-class code → name, in file order
     */
    public record Industry(String code, String name, Map<String, String> subclasses) {
        public Industry {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            subclasses = Collections.unmodifiableMap(new LinkedHashMap<>(subclasses));
        }
    }
}
