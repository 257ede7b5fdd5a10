package io.offsite.testkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicSurfaceTest {
    private static final Path FIXTURES = Path.of("target/test-classes/io/offsite/testkit/api/fixture");
    private static final Path EXPORTED_ONLY = FIXTURES.resolve("Exported.class");
    private static final List<String> FIXTURE_SURFACE = List.of(
            "io.offsite.testkit.api.fixture.Exported",
            "io.offsite.testkit.api.fixture.Exported.ProtectedNested (protected)",
            "io.offsite.testkit.api.fixture.Exported.PublicNested",
            "io.offsite.testkit.api.fixture.Exported.PublicNested.DeeperNested",
            "io.offsite.testkit.api.fixture.internal.Leaked");

    @TempDir
    Path dir;

    @Test
    void scan_listsPublicTypesAndNestedTypesReachableFromThem() {
        assertThat(PublicSurface.scan(FIXTURES).types()).containsExactlyElementsOf(FIXTURE_SURFACE);
    }

    @Test
    void scan_readsAJarLikeADirectory() throws Exception {
        Path jar = dir.resolve("fixtures.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (Path f : List.of(EXPORTED_ONLY, FIXTURES.resolve("internal/Leaked.class"))) {
                out.putNextEntry(new java.util.jar.JarEntry(Path.of("target/test-classes").relativize(f).toString()));
                out.write(Files.readAllBytes(f));
            }
        }
        assertThat(PublicSurface.scan(jar).types())
                .containsExactly("io.offsite.testkit.api.fixture.Exported", "io.offsite.testkit.api.fixture.internal.Leaked");
    }

    @Test
    void publicTypeInAnInternalPackageOutsideTheModuleRoot_failsEvenWhenListed() throws Exception {
        // fixture.internal is not io.offsite.<module>.internal: only a module's own internal root may share types
        Path list = dir.resolve("public-surface.txt");
        Files.write(list, FIXTURE_SURFACE);
        assertThatThrownBy(() -> PublicSurface.verify(FIXTURES, list, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("internal package")
                .hasMessageContaining("io.offsite.testkit.api.fixture.internal.Leaked");
    }

    @Test
    void surfaceDiffersFromList_failsNamingTypesThatBecameOrStoppedBeingPublic() throws Exception {
        Path classes = dir.resolve("classes/io/offsite/testkit/api/fixture");
        Files.createDirectories(classes);
        for (String c : List.of("Exported", "Exported$PublicNested", "Exported$ProtectedNested", "Hidden")) {
            Files.copy(FIXTURES.resolve(c + ".class"), classes.resolve(c + ".class"));
        }
        Path list = dir.resolve("public-surface.txt");
        Files.write(list, List.of("# comment", "io.offsite.testkit.api.fixture.Exported",
                "io.offsite.testkit.api.fixture.Exported.PublicNested", "io.offsite.testkit.api.fixture.Gone"));
        assertThatThrownBy(() -> PublicSurface.verify(dir.resolve("classes"), list, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("became public: io.offsite.testkit.api.fixture.Exported.ProtectedNested (protected)")
                .hasMessageContaining("no longer public: io.offsite.testkit.api.fixture.Gone")
                .hasMessageContaining("-Dpublic-surface.update=true");
    }

    @Test
    void surfaceEqualsList_passes() throws Exception {
        Path list = dir.resolve("public-surface.txt");
        PublicSurface.scan(EXPORTED_ONLY.getParent().resolve("Hidden.class")).write(list);
        assertThat(PublicSurface.verify(EXPORTED_ONLY.getParent().resolve("Hidden.class"), list, false).types()).isEmpty();
    }

    @Test
    void missingList_failsSayingHowToCreateIt() {
        assertThatThrownBy(() -> PublicSurface.verify(FIXTURES.resolve("Hidden.class"), dir.resolve("none.txt"), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dpublic-surface.update=true");
    }

    @Test
    void update_rewritesTheListInsteadOfFailing() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        Files.copy(EXPORTED_ONLY, classes.resolve("Exported.class"));
        Path list = dir.resolve("sub/public-surface.txt");
        PublicSurface.verify(classes, list, true);
        assertThat(PublicSurface.read(list)).containsExactly("io.offsite.testkit.api.fixture.Exported");
        assertThat(Files.readString(list)).startsWith("# Public surface");
        PublicSurface.verify(classes, list, false);
    }

    @Test
    void missingClasses_failsNamingThePath() {
        assertThatThrownBy(() -> PublicSurface.scan(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }
}
