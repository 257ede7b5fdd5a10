package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The fence index exports fences and lookups only; ordinals, raw buffers and the grid engine stay package-private. */
class FenceIndexSurfaceTest {

    @Test
    void fenceIndex_publicMethodsAreFenceLevelOnly() {
        TreeSet<String> pub = new TreeSet<>();
        for (Method m : FenceIndex.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                pub.add(m.getName() + Arrays.toString(Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toArray()));
            }
        }
        assertThat(pub).containsExactly("activeContaining[GeoPoint, Instant]", "containing[GeoPoint]",
                "fence[String]", "fences[]", "of[Collection, double]", "of[Collection]", "size[]");
    }

    @Test
    void gridEngineTypes_areNotPublic() {
        for (Class<?> c : List.of(PolygonGrid.class, EdgeBands.class, FlatPolygon.class, LonLatShapes.class, IntList.class)) {
            assertThat(Modifier.isPublic(c.getModifiers())).as(c.getSimpleName()).isFalse();
        }
    }
}
