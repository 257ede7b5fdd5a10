package io.offsite.geofence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The live fence set. Readers take {@link #snapshot()} (a volatile read of an immutable {@link FenceIndex})
 * and are never blocked; writers build a new index off to the side and swap it in atomically. Concurrent
 * writers are serialised among themselves. A rejected change (invalid fence, duplicate id) leaves the
 * current snapshot untouched.
 */
public final class FenceRegistry {
    private final AtomicReference<FenceIndex> current;
    private final double cellMeters;
    private final Object writeLock = new Object();

    private FenceRegistry(FenceIndex initial, double cellMeters) {
        this.current = new AtomicReference<>(initial);
        this.cellMeters = cellMeters;
    }

    /** A registry holding {@code fences}, indexed with 32 m cells. */
    public static FenceRegistry of(Collection<Fence> fences) {
        return of(fences, 32);
    }

    /** A registry holding {@code fences}, indexed with cells of about {@code cellMeters}. */
    public static FenceRegistry of(Collection<Fence> fences, double cellMeters) {
        return new FenceRegistry(FenceIndex.of(fences, cellMeters), cellMeters);
    }

    /** The current immutable index; cheap, never blocks. */
    public FenceIndex snapshot() {
        return current.get();
    }

    /**
     * Applies {@code edit} to a copy of the fence set (id → fence, in insertion order), rebuilds the index on the
     * calling thread and swaps it in. Lookups keep using the previous snapshot meanwhile. Returns the new index.
     */
    public FenceIndex update(Consumer<Map<String, Fence>> edit) {
        Objects.requireNonNull(edit, "edit");
        synchronized (writeLock) {
            Map<String, Fence> copy = new LinkedHashMap<>();
            for (Fence f : current.get().fences()) {
                copy.put(f.id(), f);
            }
            edit.accept(copy);
            copy.forEach((id, f) -> {
                if (!id.equals(f.id())) {
                    throw new GeofenceException("fence stored under key \"" + id + "\" has id \"" + f.id() + "\"");
                }
            });
            FenceIndex next = FenceIndex.of(copy.values(), cellMeters);
            current.set(next);
            return next;
        }
    }

    /** Like {@link #update} but rebuilds on {@code executor}; the future fails with the rejection, if any. */
    public CompletableFuture<FenceIndex> updateAsync(Consumer<Map<String, Fence>> edit, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return CompletableFuture.supplyAsync(() -> update(edit), executor);
    }

    /** Adds or replaces one fence. */
    public FenceIndex put(Fence fence) {
        Objects.requireNonNull(fence, "fence");
        return update(m -> m.put(fence.id(), fence));
    }

    /** Removes a fence by id (no-op if absent). */
    public FenceIndex remove(String fenceId) {
        Objects.requireNonNull(fenceId, "fenceId");
        return update(m -> m.remove(fenceId));
    }
}
