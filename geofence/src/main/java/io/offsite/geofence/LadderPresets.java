package io.offsite.geofence;

import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * The preset ladder of every standard {@link Violation}, behind {@link LadderPolicy#preset(Violation)}. Each
 * warns first where a warning can reach the party, then escalates; all figures are defaults to tune per city.
 */
final class LadderPresets {
    private LadderPresets() {
    }

    static LadderPolicy of(Violation v) {
        switch (v.code()) {
            case "PARKING": return LadderPolicy.parking();
            case "ROAD_OCCUPATION": return LadderPolicy.vending();
            case "TRADING_BEYOND_SHOPFRONT": return shopFront();
            case "HOUSEHOLD_WASTE": return LadderPolicy.dumping();
            case "SEWAGE_DUMPING": return sewage();
            case "CONSTRUCTION_WASTE": return constructionWaste();
            case "ILLEGAL_BUILDING":
                return building(Violation.ILLEGAL_BUILDING, Duration.ofHours(24), Duration.ofDays(7));
            case "TEMPORARY_STRUCTURE":
                return building(Violation.TEMPORARY_STRUCTURE, Duration.ofHours(2), Duration.ofDays(3));
            default:
                throw new GeofenceException("no preset ladder for violation " + v + " (a local violation); build one with"
                        + " LadderPolicy.builder().violation(...); presets exist for " + Violation.standard());
        }
    }

    static LadderPolicy parking(Duration dwell, Duration window) {
        positive(dwell, "parking: dwell");
        positive(window, "parking: window");
        return LadderPolicy.builder().dwell(dwell).steps(List.of(
                LadderStep.after(Duration.ZERO, LadderAction.REQUEST_OWNER_MOVE),
                LadderStep.after(window, LadderAction.DISPATCH_OFFICER, LadderAction.CAPTURE_EVIDENCE))).build();
    }

    static LadderPolicy vending(Duration dwell, Duration betweenWarnings) {
        positive(dwell, "vending: dwell");
        positive(betweenWarnings, "vending: betweenWarnings");
        return LadderPolicy.builder().violation(Violation.ROAD_OCCUPATION)
                .appliesTo(EnumSet.of(ObjectClass.PERSON, ObjectClass.VENDOR))
                .dwell(dwell).jitterRadiusMeters(15).gapTolerance(Duration.ofSeconds(120))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.VOICE_WARNING),
                        LadderStep.after(betweenWarnings, LadderAction.VOICE_WARNING),
                        LadderStep.after(betweenWarnings, LadderAction.FILE_CASE, LadderAction.CAPTURE_EVIDENCE)))
                .repeat(LadderPolicy.RepeatScope.LOCATION, Duration.ofDays(30), 2).plateLegibleRequired(false)
                .videoClip(true).maxNoticesPerDay(Integer.MAX_VALUE).build();
    }

    static LadderPolicy dumping(Duration dwell) {
        positive(dwell, "dumping: dwell");
        return LadderPolicy.builder().violation(Violation.HOUSEHOLD_WASTE).appliesTo(EnumSet.allOf(ObjectClass.class))
                .dwell(dwell).jitterRadiusMeters(20).gapTolerance(Duration.ofSeconds(120))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.CAPTURE_EVIDENCE, LadderAction.FILE_CASE)))
                .plateLegibleRequired(false).videoClip(true).maxNoticesPerDay(Integer.MAX_VALUE).build();
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero() || d.compareTo(LadderPolicy.MAX_DURATION) > 0) {
            throw new GeofenceException(name + " must be positive and at most " + LadderPolicy.MAX_DURATION.toDays()
                    + " days, was " + d);
        }
    }

    /**
     * Trading beyond the shop front: persons, stalls and goods, dwell 5 min within 10 m, gap 5 min; loudspeaker
     * warning, 10 min, second warning, 10 min, case with evidence and video; the third warned episode at this
     * shop front in 30 days files a case at once.
     */
    private static LadderPolicy shopFront() {
        return LadderPolicy.builder().violation(Violation.TRADING_BEYOND_SHOPFRONT)
                .appliesTo(EnumSet.of(ObjectClass.PERSON, ObjectClass.VENDOR, ObjectClass.OTHER))
                .dwell(Duration.ofMinutes(5)).jitterRadiusMeters(10).gapTolerance(Duration.ofMinutes(5))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.VOICE_WARNING),
                        LadderStep.after(Duration.ofMinutes(10), LadderAction.VOICE_WARNING),
                        LadderStep.after(Duration.ofMinutes(10), LadderAction.FILE_CASE, LadderAction.CAPTURE_EVIDENCE)))
                .repeat(LadderPolicy.RepeatScope.LOCATION, Duration.ofDays(30), 2).plateLegibleRequired(false)
                .videoClip(true).maxNoticesPerDay(Integer.MAX_VALUE).build();
    }

    /** Sewage: any object, dwell 10 s within 10 m, one loudspeaker warning, after 1 min a case with evidence and video. */
    private static LadderPolicy sewage() {
        return LadderPolicy.builder().violation(Violation.SEWAGE_DUMPING).appliesTo(EnumSet.allOf(ObjectClass.class))
                .dwell(Duration.ofSeconds(10)).jitterRadiusMeters(10).gapTolerance(Duration.ofSeconds(60))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.VOICE_WARNING),
                        LadderStep.after(Duration.ofMinutes(1), LadderAction.FILE_CASE, LadderAction.CAPTURE_EVIDENCE)))
                .plateLegibleRequired(false).videoClip(true).maxNoticesPerDay(Integer.MAX_VALUE).build();
    }

    /**
     * Construction waste: a truck stopped 3 min (within 20 m, gap 2 min) where it may not unload; a truck cannot
     * be warned by loudspeaker, so one rung dispatches the officer, asks for evidence (legible plate, clip) and
     * files a case.
     */
    private static LadderPolicy constructionWaste() {
        return LadderPolicy.builder().violation(Violation.CONSTRUCTION_WASTE).appliesTo(EnumSet.of(ObjectClass.TRUCK))
                .dwell(Duration.ofMinutes(3)).jitterRadiusMeters(20).gapTolerance(Duration.ofMinutes(2))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.DISPATCH_OFFICER,
                        LadderAction.CAPTURE_EVIDENCE, LadderAction.FILE_CASE)))
                .minStills(2).videoClip(true).build();
    }

    /**
     * Building work (illegal building, temporary structures): a structure seen for {@code dwell} (patrol or
     * drone sightings, gap up to 8 days, within 10 m) sends the officer to order work stopped or the structure
     * removed (责令停止建设/限期拆除); still there {@code orderPeriod} later, a case with stills spanning it.
     */
    private static LadderPolicy building(Violation v, Duration dwell, Duration orderPeriod) {
        return LadderPolicy.builder().violation(v).appliesTo(EnumSet.of(ObjectClass.OTHER, ObjectClass.VENDOR))
                .dwell(dwell).jitterRadiusMeters(10).gapTolerance(Duration.ofDays(8))
                .steps(List.of(LadderStep.after(Duration.ZERO, LadderAction.DISPATCH_OFFICER),
                        LadderStep.after(orderPeriod, LadderAction.FILE_CASE, LadderAction.CAPTURE_EVIDENCE)))
                .repeat(LadderPolicy.RepeatScope.LOCATION, Duration.ofDays(365), 0).minStills(2)
                .plateLegibleRequired(false).build();
    }
}
