package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.Grid;
import io.offsite.core.grid.GridLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed object (管理对象): a shop, enterprise, vendor pitch or other place the bureau supervises.
 *
 * @param id               stable id (e.g. unified social credit code for enterprises)
 * @param name             display name
 * @param category         one of the city's categories
 * @param industrySubclass sub-class code in the city's {@link IndustryTaxonomy}, if classified
 * @param location         WGS-84 position
 */
public record ManagedObject(String id, String name, ObjectCategory category, Optional<String> industrySubclass,
        GeoPoint location) {
    public ManagedObject {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException("managed object id must be non-blank");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(industrySubclass, "industrySubclass");
        Objects.requireNonNull(location, "location");
    }

    /** Resolves the object's street cell and responsible officer. */
    public Optional<GridLocation> locateIn(Grid grid) {
        return grid.locate(location);
    }
}
