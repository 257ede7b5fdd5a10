package io.offsite.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Lists the public top-level types a library compiles, so a module's surface test fails when an engine type
 * becomes public by accident (the house rule: an API package and an {@code spi} package; engines
 * package-private; {@code …internal} packages are never API). Reads the compiled classes directory (or jar)
 * that holds the anchor class.
 */
public final class PublicTypes {
    private PublicTypes() {
    }

    /**
     * The public top-level types under {@code rootPackage} (e.g. {@code "io.offsite.notify"}) in the class-path
     * root holding {@code anchor}, as names relative to the root package ({@code "Outbox"},
     * {@code "spi.Gateway"}), sorted.
     */
    public static List<String> under(Class<?> anchor, String rootPackage) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(rootPackage, "rootPackage");
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor.getName(), e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " is not a classes directory; run the surface test from the build");
        }
        Path dir = root.resolve(rootPackage.replace('.', '/'));
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!rel.endsWith(".class") || rel.contains("$") || rel.endsWith("package-info.class")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                Class<?> c = Class.forName(rootPackage + "." + name, false, anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        out.sort(null);
        return out;
    }
}
