package io.offsite.testkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.offsite.cases.CaseException;
import io.offsite.core.OffsiteException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public-surface rule for testkit itself and for core and cases, whose own tests cannot use testkit (testkit
 * depends on them, and Maven refuses the cycle even in test scope). Each module keeps its list in its own
 * {@code src/test/resources/public-surface.txt}; geofence, evidence and notify check theirs in their own tests.
 */
class LibrarySurfaceTest {
    @Test
    void testkit_publicSurfaceMatchesItsList() {
        PublicSurface.verify(Path.of("target/classes"), Path.of("src/test/resources/public-surface.txt"));
    }

    @Test
    void core_publicSurfaceMatchesItsList() throws Exception {
        verifyModuleOf(OffsiteException.class);
    }

    @Test
    void cases_publicSurfaceMatchesItsList() throws Exception {
        verifyModuleOf(CaseException.class);
    }

    /** The module's classes come from the reactor: {@code <module>/target/classes} or the jar in {@code <module>/target}. */
    private static void verifyModuleOf(Class<?> type) throws Exception {
        Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path module = classes.getParent().getParent();
        assertThat(module.resolve("pom.xml"))
                .as("%s should come from a module of this build, not from %s (build through the reactor)", type, classes)
                .satisfies(p -> assertThat(Files.exists(p)).isTrue());
        PublicSurface.verify(classes, module.resolve("src/test/resources/public-surface.txt"));
    }
}
