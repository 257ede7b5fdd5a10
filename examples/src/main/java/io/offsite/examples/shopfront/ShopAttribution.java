package io.offsite.examples.shopfront;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.objects.Frontage;
import io.offsite.core.objects.Frontages;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.geofence.Fence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Traces an event at a fence to the managed object in front of which it happened: the fence's {@code frontOf} when
 * it names one, else the nearest frontage ({@link Frontages#locate}). Package-private helper of {@link ShopFrontHost}.
 */
final class ShopAttribution {
    private final Map<String, Fence> fences = new HashMap<>();
    private final Frontages frontages;

    /** @throws UnknownObjectException when a fence's frontOf names no object of the frontages */
    ShopAttribution(List<Fence> fences, Frontages frontages) {
        this.frontages = frontages;
        for (Fence f : fences) {
            f.frontOf().ifPresent(id -> frontages.object(id).orElseThrow(
                    () -> new UnknownObjectException(id, "fence " + f.id() + " frontOf")));
            this.fences.put(f.id(), f);
        }
    }

    /** The object an event was traced to and how ("fence … is in front of it", "inside its frontage", "nearest"). */
    record Attribution(ManagedObject object, String how) {
    }

    /** The object in front of which an event at {@code fenceId}, located at {@code at}, happened. */
    Optional<Attribution> attribute(String fenceId, GeoPoint at) {
        Fence f = fences.get(fenceId);
        if (f != null && f.frontOf().isPresent()) {
            ManagedObject o = frontages.object(f.frontOf().get()).orElseThrow();
            return Optional.of(new Attribution(o, "fence " + f.id() + " is in front of it"));
        }
        return frontages.locate(at).map(x -> new Attribution(x.object(), x.match() == Frontage.Match.INSIDE_FRONTAGE
                ? "inside its frontage" : String.format("nearest, %.1f m from it", x.distanceMeters())));
    }

    /** The fence's own object, if it names one (where its camera's evidence is located). */
    Optional<ManagedObject> frontOf(String fenceId) {
        return Optional.ofNullable(fences.get(fenceId)).flatMap(Fence::frontOf).flatMap(frontages::object);
    }

    /** How far {@link Frontages#locate} looks for the nearest object, in metres. */
    double maxDistanceMeters() {
        return frontages.maxDistanceMeters();
    }
}
