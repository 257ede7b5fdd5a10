package io.offsite.server;

import java.util.Locale;

/** Who a bearer token speaks for. Each route names the roles it admits. */
enum Role {
    /** A camera or device gateway: pushes detections and device events, nothing else. */
    CAMERA,
    /** An enforcement officer (执法队员): episodes, cases, evidence, case actions. */
    OFFICER,
    /** A legal reviewer (法制审核): reads cases and evidence, approves or returns reviews. */
    LEGAL_REVIEWER,
    /** The platform administrator: grid, fences, outbox, clock, gateway callbacks. */
    ADMIN;

    /** Whether responses for this role show plates in full (officers and reviewers act on them). */
    boolean seesPlates() {
        return this == OFFICER || this == LEGAL_REVIEWER;
    }

    static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "' (camera, officer, legal-reviewer, admin)", e);
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
