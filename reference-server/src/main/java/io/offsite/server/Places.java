package io.offsite.server;

import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridGeoJson;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceGeoJson;
import io.offsite.geofence.FenceRegistry;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.StaleDocumentException;
import io.offsite.store.jdbc.StoredDocument;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/**
 * The enforcement grid and the fences, kept in the database as GeoJSON documents ({@link JdbcDocuments}, names
 * {@code grid} and {@code fences}) so every server on one database enforces the same places. A new grid or fence set
 * is parsed and validated before it is written, so a bad upload never replaces good data; each write names the
 * version it read, and when another server wrote first this one reloads, re-applies its change and writes again.
 * {@link #refresh()} (called by the server's pump every few seconds) picks up what other servers wrote. Fence changes
 * reach the running engine through its {@link FenceRegistry} (a new index is swapped in; open episodes keep going).
 * A data directory from before the database kept them ({@code grid.geojson}, {@code fences.geojson}) is imported
 * once, when the database has no document yet.
 */
final class Places {
    static final String GRID = "grid";
    static final String FENCES = "fences";
    private static final int WRITE_TRIES = 5;

    private final JdbcDocuments docs;
    private final Directory directory;
    private volatile Grid grid;
    private volatile String gridJson;
    private long gridVersion;
    private long fencesVersion;
    private final FenceRegistry registry;
    private final Map<String, Fence> fences = new LinkedHashMap<>();

    private Places(JdbcDocuments docs, Directory directory, StoredDocument grid, StoredDocument fences) {
        this.docs = docs;
        this.directory = directory;
        this.grid = parseGrid(grid.body());
        this.gridJson = grid.body();
        this.gridVersion = grid.version();
        List<Fence> parsed = parseFences(fences.body());
        parsed.forEach(f -> this.fences.put(f.id(), f));
        this.fencesVersion = fences.version();
        this.registry = FenceRegistry.of(parsed);
    }

    /**
     * Opens the database's grid and fences, creating them from the legacy files in {@code dataDir} when present,
     * else from {@code seedGrid}/{@code seedFences}.
     */
    static Places open(JdbcDocuments docs, Path dataDir, String seedGrid, String seedFences,
            Directory.Factory directories) {
        StoredDocument grid = Documents.seedOnce(docs, GRID, dataDir.resolve("grid.geojson"), seedGrid);
        StoredDocument fences = Documents.seedOnce(docs, FENCES, dataDir.resolve("fences.geojson"), seedFences);
        Grid parsed = parseGrid(grid.body());
        return new Places(docs, directories.create(parsed), grid, fences);
    }

    private static Grid parseGrid(String json) {
        return GridGeoJson.create().readGrid(new StringReader(json));
    }

    private static List<Fence> parseFences(String json) {
        return FenceGeoJson.create().read(json);
    }

    /**
     * Picks up a grid or fence set another server wrote since this one last read or wrote them.
     *
     * @return whether anything changed
     */
    synchronized boolean refresh() {
        boolean changed = false;
        if (docs.version(GRID).orElse(gridVersion) != gridVersion) {
            StoredDocument d = docs.find(GRID).orElseThrow();
            Grid parsed = parseGrid(d.body());
            grid = parsed;
            gridJson = d.body();
            gridVersion = d.version();
            directory.grid(parsed);
            changed = true;
        }
        if (docs.version(FENCES).orElse(fencesVersion) != fencesVersion) {
            StoredDocument d = docs.find(FENCES).orElseThrow();
            Map<String, Fence> next = new LinkedHashMap<>();
            parseFences(d.body()).forEach(f -> next.put(f.id(), f));
            install(next, d.version());
            changed = true;
        }
        return changed;
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

    /**
     * Replaces the grid; a whole replacement: the last writer wins. A grid without a cell that a fence names is
     * refused, naming the fences (their officer could no longer be found): move or delete them first.
     */
    synchronized void replaceGrid(String json) {
        Grid parsed = parseGrid(json);
        List<Problem.FieldError> orphans = new ArrayList<>();
        for (Fence f : fences.values()) {
            if (parsed.cell(f.cell()).isEmpty()) {
                orphans.add(new Problem.FieldError("", "fence " + f.id() + " is in cell " + f.cell().value()
                        + ", which this grid does not have; move or delete the fence first"));
            }
        }
        if (!orphans.isEmpty()) {
            throw ApiException.invalid(orphans, orphans.size()
                    + " fences are in cells this grid does not have; move or delete them first");
        }
        for (int tries = 1;; tries++) {
            try {
                gridVersion = docs.replace(GRID, gridVersion, json).version();
                break;
            } catch (StaleDocumentException e) {
                if (tries == WRITE_TRIES) {
                    throw e;
                }
                gridVersion = e.actual();
            }
        }
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

    /** Replaces every fence (a whole replacement: the last writer wins). */
    synchronized void replaceFences(List<Fence> all) {
        Map<String, Fence> next = new LinkedHashMap<>();
        all.forEach(f -> next.put(f.id(), f));
        writeFences(current -> next);
    }

    /** Adds or replaces the given fences; returns how many were new. */
    synchronized int putFences(List<Fence> some) {
        int[] added = new int[1];
        writeFences(current -> {
            Map<String, Fence> next = new LinkedHashMap<>(current);
            added[0] = 0;
            for (Fence f : some) {
                if (next.put(f.id(), f) == null) {
                    added[0]++;
                }
            }
            return next;
        });
        return added[0];
    }

    /** Removes a fence; false when there was none. */
    synchronized boolean removeFence(String id) {
        boolean[] found = new boolean[1];
        writeFences(current -> {
            found[0] = current.containsKey(id);
            Map<String, Fence> next = new LinkedHashMap<>(current);
            next.remove(id);
            return next;
        });
        return found[0];
    }

    /**
     * Applies {@code change} to the current fences and writes the result under the version read; when another server
     * wrote first, reloads its fences and applies the change to them again.
     */
    private void writeFences(UnaryOperator<Map<String, Fence>> change) {
        for (int tries = 1;; tries++) {
            Map<String, Fence> next = change.apply(fences);
            try {
                long version = docs.replace(FENCES, fencesVersion, FenceGeoJson.create()
                        .write(new ArrayList<>(next.values()))).version();
                install(next, version);
                return;
            } catch (StaleDocumentException e) {
                if (tries == WRITE_TRIES) {
                    throw e;
                }
                StoredDocument d = docs.find(FENCES).orElseThrow();
                Map<String, Fence> theirs = new LinkedHashMap<>();
                parseFences(d.body()).forEach(f -> theirs.put(f.id(), f));
                install(theirs, d.version());
            }
        }
    }

    /** Makes {@code next} the fences in force (this object's view and the engine's registry). */
    private void install(Map<String, Fence> next, long version) {
        fences.clear();
        fences.putAll(next);
        fencesVersion = version;
        registry.update(m -> {
            m.clear();
            m.putAll(next);
        });
    }
}
