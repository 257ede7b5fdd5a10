package io.offsite.server;

import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceGeoJson;
import io.offsite.geofence.FenceRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The enforcement grid and the fences, as GeoJSON files in the data directory ({@code grid.geojson},
 * {@code fences.geojson}) written atomically after they parsed and validated, so a bad upload never replaces good
 * data and a restart finds what was last accepted. Fence changes reach the running engine through its
 * {@link FenceRegistry} (a new index is swapped in; open episodes keep going).
 */
final class Places {
    private final Path dir;
    private final Directory directory;
    private volatile Grid grid;
    private volatile String gridJson;
    private final FenceRegistry registry;
    private final Map<String, Fence> fences = new LinkedHashMap<>();

    private Places(Path dir, Directory directory, Grid grid, String gridJson, List<Fence> fences) {
        this.dir = dir;
        this.directory = directory;
        this.grid = grid;
        this.gridJson = gridJson;
        fences.forEach(f -> this.fences.put(f.id(), f));
        this.registry = FenceRegistry.of(fences);
    }

    /** Opens the data directory's grid and fences, seeding them from {@code seedGrid}/{@code seedFences} if absent. */
    static Places open(Path dir, String seedGrid, String seedFences, Directory.Factory directories) {
        try {
            Files.createDirectories(dir);
            Path g = dir.resolve("grid.geojson");
            Path f = dir.resolve("fences.geojson");
            if (!Files.exists(g)) {
                write(g, seedGrid);
            }
            if (!Files.exists(f)) {
                write(f, seedFences);
            }
            String gridJson = Files.readString(g, StandardCharsets.UTF_8);
            Grid grid = GridGeoJson.create().readGrid(new StringReader(gridJson));
            List<Fence> fences = FenceGeoJson.create().read(Files.readString(f, StandardCharsets.UTF_8));
            return new Places(dir, directories.create(grid), grid, gridJson, fences);
        } catch (IOException e) {
            throw new UncheckedIOException("data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    Grid grid() {
        return grid;
    }

    String gridJson() {
        return gridJson;
    }

    Directory directory() {
        return directory;
    }

    FenceRegistry registry() {
        return registry;
    }

    /** Replaces the grid (already validated by the caller's parse). */
    synchronized void replaceGrid(String json) {
        Grid parsed = GridGeoJson.create().readGrid(new StringReader(json));
        persist("grid.geojson", json);
        grid = parsed;
        gridJson = json;
        directory.grid(parsed);
    }

    synchronized List<Fence> fences() {
        return new ArrayList<>(fences.values());
    }

    synchronized Optional<Fence> fence(String id) {
        return Optional.ofNullable(fences.get(id));
    }

    Optional<Geometry> area(String fenceId) {
        return fence(fenceId).filter(f -> !f.isPixelFence()).map(Fence::area);
    }

    /** Replaces every fence. */
    synchronized void replaceFences(List<Fence> all) {
        Map<String, Fence> next = new LinkedHashMap<>();
        all.forEach(f -> next.put(f.id(), f));
        persist("fences.geojson", FenceGeoJson.create().write(new ArrayList<>(next.values())));
        fences.clear();
        fences.putAll(next);
        registry.update(m -> {
            m.clear();
            m.putAll(next);
        });
    }

    /** Adds or replaces the given fences; returns how many were new. */
    synchronized int putFences(List<Fence> some) {
        Map<String, Fence> next = new LinkedHashMap<>(fences);
        int added = 0;
        for (Fence f : some) {
            if (next.put(f.id(), f) == null) {
                added++;
            }
        }
        persist("fences.geojson", FenceGeoJson.create().write(new ArrayList<>(next.values())));
        fences.clear();
        fences.putAll(next);
        registry.update(m -> some.forEach(f -> m.put(f.id(), f)));
        return added;
    }

    /** Removes a fence; false when there was none. */
    synchronized boolean removeFence(String id) {
        if (!fences.containsKey(id)) {
            return false;
        }
        Map<String, Fence> next = new LinkedHashMap<>(fences);
        next.remove(id);
        persist("fences.geojson", FenceGeoJson.create().write(new ArrayList<>(next.values())));
        fences.remove(id);
        registry.remove(id);
        return true;
    }

    private void persist(String name, String json) {
        try {
            write(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
