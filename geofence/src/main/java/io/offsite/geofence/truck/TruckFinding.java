package io.offsite.geofence.truck;

import io.offsite.core.effect.FileCase;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.CellId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a construction-waste truck did against its permit (渣土车违规线索), decided by a {@link TruckMonitor}
 * from event times only. One finding per continuous episode.
 *
 * @param findingId    stable id, {@code truckId/KIND/start} (start as an ISO-8601 instant; the plate instead of the
 *                     truck id for a gate event of a truck without permit): the same input gives the same id
 * @param kind         what it is about
 * @param truckId      the GPS unit's terminal phone number; empty for a gate event whose plate has no permit
 * @param plate        the normalised plate; empty for {@link TruckFindingKind#UNKNOWN_TRUCK}
 * @param permitNumber the permit broken; empty when the truck has none
 * @param violation    {@link Violation#CONSTRUCTION_WASTE}
 * @param start        event time the episode began (first position out of order, start of the stop, gate event)
 * @param decidedAt    event time the episode became a finding (start plus the tolerance or dwell, when it was seen)
 * @param location     where: the deciding position, the stop's first position, or the site's interior point
 * @param placeId      the corridor or site concerned, else the permit number (the truck id for an unknown truck)
 * @param cameraId     the gate camera for gate findings, else empty
 * @param track        the positions around the finding and their hash (may be empty for a gate finding)
 */
public record TruckFinding(String findingId, TruckFindingKind kind, String truckId, String plate, String permitNumber,
        Violation violation, Instant start, Instant decidedAt, GeoPoint location, String placeId, String cameraId,
        TrackExtract track) {
    public TruckFinding {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(truckId, "truckId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(permitNumber, "permitNumber");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(track, "track");
        if (decidedAt.isBefore(start)) {
            throw new io.offsite.geofence.GeofenceException("decidedAt " + decidedAt + " is before start " + start);
        }
    }

    /** The stable id for an episode: {@code subject/KIND/start}. */
    static String idOf(String subject, TruckFindingKind kind, Instant start) {
        return subject + "/" + kind + "/" + start;
    }

    /** Who a case would be against: the plate, or the terminal id when the plate is unknown. */
    public String subject() {
        return plate.isEmpty() ? truckId : plate;
    }

    /**
     * The finding as a case to open (立案) in the host: episode id = {@link #findingId}, at = {@link #decidedAt},
     * fence id = {@link #placeId}, subject = {@link #subject()}, no earlier repeats. The track goes to the case's
     * evidence as a GPS_TRACK item ({@link TrackExtract#canonicalBytes()}, {@link TrackExtract#sha256Hex()}).
     *
     * @param cell the grid cell (网格) responsible for {@link #location}
     */
    public FileCase toFileCase(CellId cell) {
        Objects.requireNonNull(cell, "cell");
        return new FileCase(findingId, decidedAt, violation, placeId, cell, subject(), location, 0);
    }
}
