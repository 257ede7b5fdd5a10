package io.offsite.testkit.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public surface of a compiled module: every type a caller outside its package can name — public
 * top-level types and public or protected nested types whose enclosing types are themselves on the surface —
 * read from the class files of a {@code target/classes} directory or a jar (nothing is loaded). One line per
 * type: its canonical name, with {@code " (protected)"} after a protected nested type.
 *
 * <p>{@link #verify(Path, Path)} is the rule each library module's test enforces, with no test framework
 * needed: the surface must equal the checked-in list (so a type that becomes public, or stops being public,
 * is a reviewed change). A public type in a package with an {@code internal} segment is shared between OffSite's
 * own modules and is not API (no compatibility promise, documented in docs/ARCHITECTURE.md); it must still be on
 * the list, and only packages named {@code io.offsite.<module>.internal…} may hold
 * such types. Run the
 * tests with {@code -Dpublic-surface.update=true} to rewrite the list after reviewing a change.
 */
public final class PublicSurface {
    /** The system property that makes {@link #verify(Path, Path)} rewrite the list instead of comparing. */
    public static final String UPDATE_PROPERTY = "public-surface.update";

    private static final String HEADER = """
        # Public surface of this module: every type callers outside its package can name (PublicSurface).
        # A test fails when this list and the compiled classes disagree. After reviewing the change, rewrite
        # every module's list from the project root with:
        # mvn -B -o test -Dfuzz.skip=true -Dtest='*SurfaceTest' -Dsurefire.failIfNoSpecifiedTests=false -Dpublic-surface.update=true
        """;

    private final String source;
    private final SortedSet<String> types;

    private PublicSurface(String source, SortedSet<String> types) {
        this.source = source;
        this.types = Collections.unmodifiableSortedSet(types);
    }

    /**
     * Scans the class files under {@code classes}: a directory (such as {@code target/classes}), a jar, or
     * one class file.
     *
     * @throws IllegalArgumentException if {@code classes} does not exist or holds an unreadable class file
     * @throws UncheckedIOException if reading fails
     */
    public static PublicSurface scan(Path classes) {
        Objects.requireNonNull(classes, "classes");
        if (!Files.exists(classes)) {
            throw new IllegalArgumentException("classes: " + classes.toAbsolutePath()
                    + " does not exist (compile the module first)");
        }
        Map<String, ClassFileAccess> all = new HashMap<>();
        try {
            if (Files.isDirectory(classes)) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path f : (Iterable<Path>) files.filter(PublicSurface::isTypeFile)::iterator) {
                        add(all, Files.readAllBytes(f), f.toString());
                    }
                }
            } else if (isTypeFile(classes)) {
                add(all, Files.readAllBytes(classes), classes.toString());
            } else {
                try (JarFile jar = new JarFile(classes.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (isTypeFile(Path.of(e.getName())) && !e.getName().startsWith("META-INF/")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                add(all, in.readAllBytes(), classes + "!" + e.getName());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes, e);
        }
        SortedSet<String> surface = new TreeSet<>();
        for (ClassFileAccess c : all.values()) {
            if (onSurface(c, all)) {
                surface.add(c.binaryName().replace('/', '.').replace('$', '.')
                        + (c.declaringType() != null && c.isProtected() ? " (protected)" : ""));
            }
        }
        return new PublicSurface(classes.toString(), surface);
    }

    /** The surface, one line per type, sorted. */
    public SortedSet<String> types() {
        return types;
    }

    /** The surface types whose package has an {@code internal} segment (shared between modules, not API). */
    public List<String> internalTypes() {
        List<String> internal = new ArrayList<>();
        for (String t : types) {
            if (("." + t + ".").contains(".internal.")) {
                internal.add(t);
            }
        }
        return internal;
    }

    /**
     * Checks the surface of {@code classes} against the list in {@code surfaceFile} and the internal-package
     * rule (internal types only under {@code io.offsite.<module>.internal}); with the system property
     * {@value #UPDATE_PROPERTY} set to {@code true}, rewrites the list instead (the package rule is still enforced).
     *
     * @throws AssertionError naming the types that became public, stopped being public, or sit in an
     *         {@code internal} package outside {@code io.offsite.<module>.internal}
     */
    public static PublicSurface verify(Path classes, Path surfaceFile) {
        return verify(classes, surfaceFile, Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /**
     * As {@link #verify(Path, Path)}, with the choice to rewrite the list ({@code update}) made by the caller.
     *
     * @throws AssertionError as {@link #verify(Path, Path)}
     */
    public static PublicSurface verify(Path classes, Path surfaceFile, boolean update) {
        Objects.requireNonNull(surfaceFile, "surfaceFile");
        PublicSurface surface = scan(classes);
        for (String t : surface.internalTypes()) {
            if (!t.matches("io\\.offsite\\.[a-z]+\\.internal\\..*")) {
                throw new AssertionError("public type " + t + " of " + classes + " sits in an internal package that"
                        + " is not io.offsite.<module>.internal…; make it package-private or move it there");
            }
        }
        if (update) {
            surface.write(surfaceFile);
            return surface;
        }
        SortedSet<String> expected = read(surfaceFile);
        SortedSet<String> added = new TreeSet<>(surface.types);
        added.removeAll(expected);
        SortedSet<String> removed = new TreeSet<>(expected);
        removed.removeAll(surface.types);
        if (!added.isEmpty() || !removed.isEmpty()) {
            throw new AssertionError("public surface of " + classes + " differs from " + surfaceFile
                    + (added.isEmpty() ? "" : "\n  became public: " + String.join(", ", added))
                    + (removed.isEmpty() ? "" : "\n  no longer public: " + String.join(", ", removed))
                    + "\nIf the change is intended, rerun the tests with -D" + UPDATE_PROPERTY + "=true"
                    + " to rewrite the list, and commit it.");
        }
        return surface;
    }

    /** Writes this surface, with a header saying how to update it, to {@code file}. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder(HEADER);
        for (String t : types) {
            text.append(t).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a surface list: one type per line; blank lines and lines starting with {@code #} are skipped. */
    public static SortedSet<String> read(Path file) {
        if (!Files.exists(file)) {
            throw new AssertionError("no public-surface list at " + file.toAbsolutePath() + "; create it by"
                    + " running the tests with -D" + UPDATE_PROPERTY + "=true");
        }
        SortedSet<String> lines = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    lines.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return lines;
    }

    @Override
    public String toString() {
        return "PublicSurface[" + source + ", " + types.size() + " types]";
    }

    private static boolean isTypeFile(Path p) {
        String name = String.valueOf(p.getFileName());
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static void add(Map<String, ClassFileAccess> all, byte[] bytes, String where) {
        ClassFileAccess c = ClassFileAccess.read(bytes, where);
        all.put(c.binaryName(), c);
    }

    private static boolean onSurface(ClassFileAccess c, Map<String, ClassFileAccess> all) {
        if (c.isSynthetic() || c.localOrAnonymous()) {
            return false;
        }
        if (c.declaringType() == null) {
            return c.isPublic();
        }
        ClassFileAccess outer = all.get(c.declaringType());
        return (c.isPublic() || c.isProtected()) && outer != null && onSurface(outer, all);
    }
}
