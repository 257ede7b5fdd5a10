package io.offsite.geofence;

import io.offsite.core.violation.Violation;

/**
 * What a fence is for. Each kind names the {@link Violation} it watches by default, and so its default
 * {@link LadderPolicy} ({@link LadderPolicy#defaultFor(FenceKind)} = {@link LadderPolicy#preset(Violation)} of
 * {@link #defaultViolation()}). A fence may watch any other violation, a vendor's local one included, through
 * {@link Fence.Builder#policy(LadderPolicy)}.
 */
public enum FenceKind {
    /** No-parking road section (禁停区): {@link Violation#PARKING}. */
    NO_PARKING(Violation.PARKING),
    /** No-vending area (禁止摆摊): {@link Violation#ROAD_OCCUPATION}, loudspeaker warnings then a case. */
    NO_VENDING(Violation.ROAD_OCCUPATION),
    /** The pavement in front of a row of shops (门前): {@link Violation#TRADING_BEYOND_SHOPFRONT}. */
    SHOP_FRONT(Violation.TRADING_BEYOND_SHOPFRONT),
    /** No-dumping spot (禁止倾倒): {@link Violation#HOUSEHOLD_WASTE}. */
    NO_DUMPING(Violation.HOUSEHOLD_WASTE),
    /** Storm drains and gutters (雨水井): {@link Violation#SEWAGE_DUMPING}. */
    STORM_DRAIN(Violation.SEWAGE_DUMPING),
    /**
     * Approved route corridor for construction-waste trucks: a truck stopping in it is suspected of dumping,
     * {@link Violation#CONSTRUCTION_WASTE}.
     */
    WASTE_ROUTE_CORRIDOR(Violation.CONSTRUCTION_WASTE),
    /** A parcel watched for building work without a permit (违建巡查): {@link Violation#ILLEGAL_BUILDING}. */
    WATCHED_PARCEL(Violation.ILLEGAL_BUILDING),
    /** Approved disposal site (消纳场); no violation of its own, the parking-like ladder unless a policy is set. */
    DISPOSAL_SITE(Violation.PARKING),
    /** Anything else the city defines; the parking ladder unless a policy is set. */
    CUSTOM(Violation.PARKING);

    private final Violation defaultViolation;

    FenceKind(Violation defaultViolation) {
        this.defaultViolation = defaultViolation;
    }

    /** The violation a fence of this kind watches unless its policy says otherwise. */
    public Violation defaultViolation() {
        return defaultViolation;
    }
}
