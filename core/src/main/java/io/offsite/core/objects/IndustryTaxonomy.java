package io.offsite.core.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's industry taxonomy (行业分类): industries, each with sub-classes, loaded as data. The model city
 * has 20 industries and 131 sub-classes. JSON form:
 * <pre>{"industries": [{"code": "H", "name": "住宿和餐饮业", "subclasses": [{"code": "H621", "name": "正餐服务"}]}]}</pre>
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

    /** Loads a taxonomy; errors name the JSON path, e.g. {@code industries[3].subclasses[1].code}. */
    public static IndustryTaxonomy load(Reader in) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("industry taxonomy is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode arr = root == null ? null : root.get("industries");
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("industry taxonomy: $.industries must be an array");
        }
        List<Industry> out = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = "industries[" + i + "]";
            JsonNode n = arr.get(i);
            String code = text(n, "code", p);
            if (!codes.add(code)) {
                throw new IllegalArgumentException("industry taxonomy: " + p + ".code \"" + code + "\" is used twice");
            }
            Map<String, String> subs = new LinkedHashMap<>();
            JsonNode sa = n.get("subclasses");
            if (sa == null || !sa.isArray() || sa.isEmpty()) {
                throw new IllegalArgumentException("industry taxonomy: " + p + ".subclasses must be a non-empty array");
            }
            for (int k = 0; k < sa.size(); k++) {
                String sp = p + ".subclasses[" + k + "]";
                String sc = text(sa.get(k), "code", sp);
                if (!codes.add(sc)) {
                    throw new IllegalArgumentException("industry taxonomy: " + sp + ".code \"" + sc + "\" is used twice");
                }
                subs.put(sc, text(sa.get(k), "name", sp));
            }
            out.add(new Industry(code, text(n, "name", p), subs));
        }
        return new IndustryTaxonomy(out);
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("industry taxonomy: " + path + "." + field + " must be a non-blank string");
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
