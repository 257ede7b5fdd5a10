package io.offsite.server;

import io.offsite.core.grid.CellId;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.VehicleRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The people the server addresses: officers from the current grid (walking up the grid when a cell has nobody; a
 * {@code PUT /grid} takes effect for the next dispatch) with their phones, and vehicle owners from the vehicle
 * registry. The reference server ships a simulated registry: configured plates map to configured phones, any other
 * plate to a stable made-up mobile number, so the demo and tests need no traffic-police link.
 */
final class Directory implements OfficerDirectory, VehicleRegistry {
    /** Makes the directory for the grid a data directory holds. */
    @FunctionalInterface
    interface Factory {
        Directory create(Grid grid);
    }

    private final AtomicReference<OfficerDirectory> grid = new AtomicReference<>();
    private final Map<OfficerId, String> officerPhones;
    private final Map<String, String> ownerPhones;

    Directory(Grid initial, Map<OfficerId, String> officerPhones, Map<String, String> ownerPhones) {
        this.officerPhones = Map.copyOf(officerPhones);
        this.ownerPhones = Map.copyOf(ownerPhones);
        grid(initial);
    }

    void grid(Grid g) {
        grid.set(OfficerDirectory.ofGrid(g));
    }

    @Override
    public Optional<OfficerId> responsibleFor(CellId cell, Instant at) {
        return grid.get().responsibleFor(cell, at);
    }

    @Override
    public Optional<Assignment> assign(CellId cell, Instant at) {
        return grid.get().assign(cell, at);
    }

    @Override
    public Optional<String> phone(OfficerId officer) {
        return Optional.ofNullable(officerPhones.get(officer));
    }

    @Override
    public Optional<String> ownerPhone(String plate) {
        String known = ownerPhones.get(plate);
        if (known != null) {
            return Optional.of(known);
        }
        long h = Integer.toUnsignedLong(plate.hashCode()) % 100_000_000L;
        return Optional.of("138" + String.format("%08d", h));
    }
}
