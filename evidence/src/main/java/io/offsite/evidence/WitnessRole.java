package io.offsite.evidence;

/** Who a witness is, in the sense that matters for weighing their statement. */
public enum WitnessRole {
    /** Community (社区) staff. */
    COMMUNITY_STAFF,
    /** Sanitation worker (环卫工人). */
    SANITATION_WORKER,
    /** Landscaping worker (绿化工人). */
    LANDSCAPING_WORKER,
    /** Municipal maintenance staff (市政). */
    MUNICIPAL_STAFF,
    /** Property manager (物业). */
    PROPERTY_MANAGER,
    /** Enforcement officer (执法人员). */
    OFFICER,
    /** A member of the public. */
    PUBLIC
}
