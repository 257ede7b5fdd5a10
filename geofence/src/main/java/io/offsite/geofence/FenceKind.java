package io.offsite.geofence;

/** What a fence is for; selects the default {@link LadderPolicy} and the violation code. */
public enum FenceKind {
    /** No-parking road section (禁停区): the parking ladder applies. */
    NO_PARKING,
    /** No-vending area (禁止摆摊): loudspeaker warnings, then a case. */
    NO_VENDING,
    /** No-dumping spot (禁止倾倒). */
    NO_DUMPING,
    /** Approved route corridor for construction-waste trucks. */
    WASTE_ROUTE_CORRIDOR,
    /** Approved disposal site (消纳场). */
    DISPOSAL_SITE,
    /** Anything else the city defines. */
    CUSTOM
}
