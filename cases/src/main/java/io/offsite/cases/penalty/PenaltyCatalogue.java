package io.offsite.cases.penalty;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.core.internal.json.StrictJson;
import io.offsite.core.violation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The violation catalogue: one validated {@link PenaltyTable} per {@link Violation}, keyed by it (a table
 * document's {@code code} is the violation's code, so a vendor adds a local item by loading its table). Load with
 * {@link #loader()} (your own JSON tables) or {@link #shipped()} (the sample tables in this jar).
 * A table that breaks any rule is rejected with a {@link RuleTableException} listing every problem.
 */
public final class PenaltyCatalogue {
    /** Shipped tables, in {@code io/offsite/cases/penalty/}. */
    public static final List<String> SHIPPED = List.of("parking.json", "road-occupation.json",
            "trading-beyond-shopfront.json", "household-waste.json", "sewage-dumping.json", "construction-waste.json",
            "illegal-building.json", "temporary-structure.json");

    private final Map<Violation, PenaltyTable> tables;

    private PenaltyCatalogue(Map<Violation, PenaltyTable> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /** A loader to which table documents are added one by one. */
    public static Loader loader() {
        return new Loader();
    }

    /** The sample tables shipped in this module: one for each of {@link Violation#standard()}. */
    public static PenaltyCatalogue shipped() {
        Loader l = loader();
        for (String name : SHIPPED) {
            try (InputStream in = PenaltyCatalogue.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new PenaltyException("shipped table " + name + " is missing from the core jar");
                }
                l.add(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("reading shipped table " + name, e);
            }
        }
        return l.load();
    }

    /** The table of {@code violation}. */
    public Optional<PenaltyTable> table(Violation violation) {
        return Optional.ofNullable(tables.get(Objects.requireNonNull(violation, "violation")));
    }

    /** The table of {@code violation}, or a {@link PenaltyException} naming the known violations. */
    public PenaltyTable require(Violation violation) {
        PenaltyTable t = tables.get(Objects.requireNonNull(violation, "violation"));
        if (t == null) {
            throw new PenaltyException("no penalty table for violation '" + violation + "'; catalogue has "
                    + tables.keySet());
        }
        return t;
    }

    /** All tables by violation, in load order. */
    public Map<Violation, PenaltyTable> tables() {
        return tables;
    }

    /** Shortcut for {@code require(violation).assess(facts, date)}. */
    public Decision assess(Violation violation, Facts facts, LocalDate date) {
        return require(violation).assess(facts, date);
    }

    /** Shortcut for {@code require(violation).explain(facts, date)}. */
    public Assessment explain(Violation violation, Facts facts, LocalDate date) {
        return require(violation).explain(facts, date);
    }

    /**
     * Collects table documents, then validates them all in {@link #load()}. Not thread-safe.
     *
     * <p>Parsing is strict and bounded: at most {@link #MAX_DOCUMENT_CHARS} characters per document, JSON
     * nesting at most {@link #MAX_NESTING_DEPTH} deep, numbers of at most {@link #MAX_NUMBER_CHARS} characters
     * (checked before a number is converted), no duplicate keys, nothing after the document.
     */
    public static final class Loader {
        /** Largest table document accepted, in characters. */
        public static final int MAX_DOCUMENT_CHARS = 1 << 20;
        /** Deepest JSON nesting accepted (a table needs 7). */
        public static final int MAX_NESTING_DEPTH = 32;
        /** Longest number literal accepted, in characters. */
        public static final int MAX_NUMBER_CHARS = 40;
        private final StrictJson reader = StrictJson.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberChars(MAX_NUMBER_CHARS).maxStringChars(MAX_DOCUMENT_CHARS).exactDecimals().build();
        private final Map<Violation, PenaltyTable> tables = new LinkedHashMap<>();
        private final List<TableProblem> problems = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();

        private Loader() {
        }

        /** Adds the JSON document in {@code file}. */
        public Loader add(Path file) {
            Objects.requireNonNull(file, "file");
            try {
                if (Files.size(file) > 4L * MAX_DOCUMENT_CHARS) { // UTF-8: at most 4 bytes per character
                    sources.add(file.toString());
                    problems.add(new TableProblem(TableProblem.Kind.SYNTAX, file.toString(), "file has " + Files.size(file)
                            + " bytes; documents of at most " + MAX_DOCUMENT_CHARS + " characters are accepted",
                            Optional.empty(), List.of()));
                    return this;
                }
                return add(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("reading penalty table " + file, e);
            }
        }

        /** Adds one JSON table document; {@code source} names it in error messages. */
        public Loader add(String source, String json) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(json, "json");
            sources.add(source);
            if (json.length() > MAX_DOCUMENT_CHARS) {
                problems.add(new TableProblem(TableProblem.Kind.SYNTAX, source, "document has " + json.length()
                        + " characters; at most " + MAX_DOCUMENT_CHARS + " are accepted", Optional.empty(), List.of()));
                return this;
            }
            JsonNode root;
            try {
                root = reader.read(json);
            } catch (StrictJson.Malformed e) {
                // Jackson reports some malformed numbers (e.g. an exponent too large for BigDecimal) as NUMBER
                problems.add(e.kind() == StrictJson.Malformed.Kind.NUMBER
                        ? new TableProblem(TableProblem.Kind.SYNTAX, source, "not a usable number: "
                                + Json.abbreviate(e.reason()), Optional.empty(), List.of())
                        : new TableProblem(TableProblem.Kind.SYNTAX, e.line() < 0 ? source : source + " line "
                                + e.line() + " column " + e.column(), "not valid JSON: " + e.reason(),
                                Optional.empty(), List.of()));
                return this;
            }
            if (root == null || root.isMissingNode()) {
                problems.add(new TableProblem(TableProblem.Kind.SYNTAX, source, "empty document", Optional.empty(), List.of()));
                return this;
            }
            try {
                List<Json.Bad> errors = new ArrayList<>();
                List<TableVersion> versions = TableParser.parse(root, source, errors);
                if (versions == null) {
                    for (Json.Bad e : errors) {
                        problems.add(new TableProblem(TableProblem.Kind.SYNTAX, e.where, e.getMessage(), Optional.empty(),
                                List.of()));
                    }
                    return this;
                }
                Violation code = versions.get(0).code;
                if (tables.containsKey(code)) {
                    problems.add(new TableProblem(TableProblem.Kind.SYNTAX, source, "violation code " + code
                            + " is already defined by an earlier document; put all its versions in one document",
                            Optional.empty(), List.of()));
                    return this;
                }
                problems.addAll(TableValidator.validate(versions));
                tables.put(code, new PenaltyTable(code, versions.get(0).name, versions));
            } catch (PenaltyException e) {
                problems.add(new TableProblem(TableProblem.Kind.SYNTAX, source, e.getMessage(), Optional.empty(), List.of()));
            }
            return this;
        }

        /** Validates and returns the catalogue, or throws {@link RuleTableException} with every problem found. */
        public PenaltyCatalogue load() {
            if (!problems.isEmpty()) {
                throw new RuleTableException(String.join(", ", sources), problems);
            }
            if (tables.isEmpty()) {
                throw new PenaltyException("no penalty table was added to the loader");
            }
            return new PenaltyCatalogue(tables);
        }
    }
}
