package io.offsite.devices;

import io.offsite.testkit.api.PublicSurface;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public-surface rule (docs/ARCHITECTURE.md): the types callers can name are the reviewed list, none internal. */
class PublicSurfaceTest {
    @Test
    void publicSurface_matchesCheckedInList() {
        PublicSurface.verify(Path.of("target/classes"), Path.of("src/test/resources/public-surface.txt"));
    }
}
