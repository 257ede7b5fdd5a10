package io.offsite.geofence.truck;

import io.offsite.geofence.GeofenceException;
import io.offsite.geofence.Plates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A construction-waste transport permit (建筑垃圾准运证) for one truck: the approved route corridors, the sites it
 * may stop at, and when it may haul. Immutable; build with {@link #builder}.
 *
 * <pre>{@code
 * TruckPermit permit = TruckPermit.builder("013305760001", "浙J12345", "HY-ZY-2026-0042")
 *         .corridor(RouteCorridor.of("R1", "劳动北路", 25, 121.250, 28.640, 121.270, 28.640))
 *         .site(DisposalSite.disposal("S1", "城北消纳场", 121.270, 28.639, 121.272, 28.639, 121.272, 28.641,
 *                 121.270, 28.641, 121.270, 28.639))
 *         .window(PermitWindow.daily(LocalTime.of(20, 0), LocalTime.of(6, 0),
 *                 LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31)))
 *         .build();
 * }</pre>
 */
public final class TruckPermit {
    private final String truckId;
    private final String plate;
    private final String permitNumber;
    private final List<RouteCorridor> corridors;
    private final List<DisposalSite> sites;
    private final List<PermitWindow> windows;

    private TruckPermit(Builder b) {
        this.truckId = b.truckId;
        this.plate = b.plate;
        this.permitNumber = b.permitNumber;
        this.corridors = List.copyOf(b.corridors);
        this.sites = List.copyOf(b.sites);
        this.windows = List.copyOf(b.windows);
    }

    /**
     * Starts a permit.
     *
     * @param truckId      the GPS unit's JT/T 808 terminal phone number, 1..20 digits (e.g. "013305760001")
     * @param plate        the truck's plate (normalised with {@link Plates#normalize}, e.g. "浙J12345")
     * @param permitNumber the permit's number, 1..64 characters
     * @throws GeofenceException naming the field, the value and the rule it broke
     */
    public static Builder builder(String truckId, String plate, String permitNumber) {
        return new Builder(checkTruckId(truckId), checkPlate(plate), TruckShapes.requireId(permitNumber, "permitNumber"));
    }

    static String checkTruckId(String truckId) {
        Objects.requireNonNull(truckId, "truckId");
        int n = truckId.length();
        boolean digits = n >= 1 && n <= 20;
        for (int i = 0; digits && i < n; i++) {
            char c = truckId.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new GeofenceException("truckId must be a JT/T 808 terminal phone number of 1..20 digits, was \""
                    + truckId + "\"");
        }
        return truckId;
    }

    static String checkPlate(String plate) {
        Objects.requireNonNull(plate, "plate");
        String p = Plates.normalize(plate);
        Plates.problem(p).ifPresent(why -> {
            throw new GeofenceException("plate is not a valid plate: " + why);
        });
        return p;
    }

    /** The GPS unit's terminal phone number (JT/T 808). */
    public String truckId() {
        return truckId;
    }

    /** The normalised plate. */
    public String plate() {
        return plate;
    }

    /** The permit number. */
    public String permitNumber() {
        return permitNumber;
    }

    /** Approved route corridors, in the order added; at least one. */
    public List<RouteCorridor> corridors() {
        return corridors;
    }

    /** Approved sites (disposal, loading, depot), in the order added; may be empty. */
    public List<DisposalSite> sites() {
        return sites;
    }

    /** Permitted time windows, in the order added; at least one. Hauling is permitted when any window covers the time. */
    public List<PermitWindow> windows() {
        return windows;
    }

    @Override
    public String toString() {
        return "TruckPermit[" + permitNumber + ", truck " + truckId + ", " + corridors.size() + " corridors, "
                + sites.size() + " sites, " + windows.size() + " windows]";
    }

    /** Collects a permit; not thread-safe. */
    public static final class Builder {
        private final String truckId;
        private final String plate;
        private final String permitNumber;
        private final List<RouteCorridor> corridors = new ArrayList<>();
        private final List<DisposalSite> sites = new ArrayList<>();
        private final List<PermitWindow> windows = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();

        private Builder(String truckId, String plate, String permitNumber) {
            this.truckId = truckId;
            this.plate = plate;
            this.permitNumber = permitNumber;
        }

        /** Adds an approved route corridor; its id must not repeat within the permit. */
        public Builder corridor(RouteCorridor corridor) {
            Objects.requireNonNull(corridor, "corridor");
            unique("corridor", corridor.id());
            corridors.add(corridor);
            return this;
        }

        /** Adds an approved site; its id must not repeat within the permit. */
        public Builder site(DisposalSite site) {
            Objects.requireNonNull(site, "site");
            unique("site", site.id());
            sites.add(site);
            return this;
        }

        /** Adds a permitted time window. */
        public Builder window(PermitWindow window) {
            windows.add(Objects.requireNonNull(window, "window"));
            return this;
        }

        private void unique(String what, String id) {
            if (!ids.add(what + "\u0000" + id)) {
                throw new GeofenceException("permit " + permitNumber + ": " + what + " id \"" + id + "\" added twice");
            }
        }

        /**
         * Builds the permit.
         *
         * @throws GeofenceException when it has no corridor or no window
         */
        public TruckPermit build() {
            if (corridors.isEmpty()) {
                throw new GeofenceException("permit " + permitNumber + ": needs at least one route corridor");
            }
            if (windows.isEmpty()) {
                throw new GeofenceException("permit " + permitNumber + ": needs at least one permitted time window");
            }
            return new TruckPermit(this);
        }
    }
}
