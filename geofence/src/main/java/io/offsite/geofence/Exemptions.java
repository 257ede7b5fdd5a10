package io.offsite.geofence;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a fence does not apply to: plates matching a pattern (e.g. {@code "^.*警$"} for police plates),
 * special vehicle classes (police, fire, ambulance) and permits with a validity period. Plates are compared
 * in {@link Plates#normalize normalised} form.
 *
 * @param platePatterns {@link PlatePattern}s (RE2 syntax, linear-time) matched against the whole normalised plate
 * @param classes       exempt vehicle classes
 * @param permits       plate permits, each valid in {@code [validFrom, validUntil)}
 */
public record Exemptions(List<PlatePattern> platePatterns, Set<VehicleClass> classes, List<Permit> permits) {

    private static final Exemptions NONE = new Exemptions(List.of(), Set.of(), List.of());
    private static final Exemptions EMERGENCY = new Exemptions(List.of(),
            EnumSet.of(VehicleClass.POLICE, VehicleClass.FIRE, VehicleClass.AMBULANCE), List.of());

    public Exemptions {
        platePatterns = List.copyOf(platePatterns);
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        permits = List.copyOf(permits);
    }

    /** No exemptions. */
    public static Exemptions none() {
        return NONE;
    }

    /**
     * The default of every entry point: police, fire and ambulance vehicles. {@link Fence.Builder} starts from it,
     * and so does {@link FenceGeoJson} import, for a fence without {@code exemptions} and for an {@code exemptions}
     * object that lists no {@code classes}.
     */
    public static Exemptions defaults() {
        return EMERGENCY;
    }

    /** Police, fire and ambulance vehicles are exempt (the usual default for no-parking fences). */
    public static Exemptions emergencyVehicles() {
        return EMERGENCY;
    }

    /**
     * A copy that also exempts plates matching {@code regex} ({@link PlatePattern#compile}: RE2 syntax, matched in
     * linear time); a bad or oversized regex is rejected with the pattern, the position and the reason.
     */
    public Exemptions withPlatePattern(String regex) {
        List<PlatePattern> ps = new java.util.ArrayList<>(platePatterns);
        ps.add(PlatePattern.compile(regex));
        return new Exemptions(ps, classes, permits);
    }

    /** A copy that also exempts {@code vehicleClass}. */
    public Exemptions withClass(VehicleClass vehicleClass) {
        Set<VehicleClass> cs = EnumSet.noneOf(VehicleClass.class);
        cs.addAll(classes);
        cs.add(Objects.requireNonNull(vehicleClass, "vehicleClass"));
        return new Exemptions(platePatterns, cs, permits);
    }

    /** A copy that also holds {@code permit}. */
    public Exemptions withPermit(Permit permit) {
        List<Permit> ps = new java.util.ArrayList<>(permits);
        ps.add(Objects.requireNonNull(permit, "permit"));
        return new Exemptions(platePatterns, classes, ps);
    }

    /** Whether a subject with this normalised plate (may be empty) and class is exempt at {@code atMillis}. */
    public boolean exempts(String plate, VehicleClass vehicleClass, long atMillis) {
        if (classes.contains(vehicleClass)) {
            return true;
        }
        if (plate.isEmpty()) {
            return false;
        }
        for (PlatePattern p : platePatterns) {
            if (p.matches(plate)) {
                return true;
            }
        }
        for (Permit permit : permits) {
            if (permit.covers(plate, atMillis)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A permit (通行证/停车许可) for one plate.
     *
     * @param plate      plate, normalised on construction
     * @param validFrom  first instant of validity ({@link Instant#MIN} for "always was")
     * @param validUntil end of validity (exclusive), after {@code validFrom}; {@link Instant#MAX} for no end
     * @param reference  permit number, for the record
     */
    public record Permit(String plate, Instant validFrom, Instant validUntil, String reference) {
        public Permit {
            plate = Plates.normalize(Objects.requireNonNull(plate, "plate"));
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(reference, "reference");
            if (plate.isEmpty()) {
                throw new GeofenceException("permit " + reference + ": plate is blank");
            }
            if (!validUntil.isAfter(validFrom)) {
                throw new GeofenceException("permit " + reference + ": validUntil " + validUntil
                        + " must be after validFrom " + validFrom);
            }
        }

        boolean covers(String normalisedPlate, long atMillis) {
            // open-ended validity (Instant.MIN/MAX) saturates instead of overflowing
            return plate.equals(normalisedPlate) && atMillis >= EventTimes.saturatedMillis(validFrom)
                    && atMillis < EventTimes.saturatedMillis(validUntil);
        }
    }
}
