package io.offsite.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The commands a case accepts, each with the states it may start from and the state it leads to. */
public enum CaseAction {
    /** Begin investigation. */
    START_INVESTIGATION(CaseState.INVESTIGATING, CaseState.FILED),
    /**
     * The notice of intended penalty was served (needs the intended decision and the notice's service record;
     * the event date is the day service took effect).
     */
    SERVE_NOTICE(CaseState.NOTICE_SERVED, CaseState.INVESTIGATING),
    /** The party requests a hearing (large fines etc.). */
    REQUEST_HEARING(CaseState.HEARING_REQUESTED, CaseState.NOTICE_SERVED),
    /** Hold the hearing. */
    HOLD_HEARING(CaseState.HEARING_HELD, CaseState.HEARING_REQUESTED),
    /** Send the case to legal review. */
    SUBMIT_FOR_REVIEW(CaseState.LEGAL_REVIEW, CaseState.NOTICE_SERVED, CaseState.HEARING_HELD),
    /** Legal review approves. */
    APPROVE_REVIEW(CaseState.REVIEW_PASSED, CaseState.LEGAL_REVIEW),
    /** Legal review sends the case back for more investigation. */
    RETURN_FOR_INVESTIGATION(CaseState.INVESTIGATING, CaseState.LEGAL_REVIEW),
    /** Record an approved extension of the decision period (state unchanged). */
    EXTEND_DECISION_PERIOD(null, CaseState.FILED, CaseState.INVESTIGATING, CaseState.NOTICE_SERVED,
            CaseState.HEARING_REQUESTED, CaseState.HEARING_HELD, CaseState.LEGAL_REVIEW, CaseState.REVIEW_PASSED),
    /** Decide the penalty (needs the final decision). */
    DECIDE(CaseState.DECIDED, CaseState.NOTICE_SERVED, CaseState.HEARING_HELD, CaseState.REVIEW_PASSED),
    /** Decide not to penalise. */
    DECIDE_NO_PENALTY(CaseState.NO_PENALTY, CaseState.INVESTIGATING, CaseState.NOTICE_SERVED, CaseState.HEARING_HELD,
            CaseState.REVIEW_PASSED),
    /** Withdraw the filing before a decision. */
    WITHDRAW(CaseState.WITHDRAWN, CaseState.FILED, CaseState.INVESTIGATING, CaseState.NOTICE_SERVED,
            CaseState.HEARING_REQUESTED, CaseState.HEARING_HELD, CaseState.LEGAL_REVIEW, CaseState.REVIEW_PASSED),
    /** The decision was served (needs its service record; event date = the day service took effect). */
    SERVE_DECISION(CaseState.DECISION_SERVED, CaseState.DECIDED),
    /** Payment of fine plus surcharge received. */
    RECORD_PAYMENT(CaseState.PAID, CaseState.DECISION_SERVED, CaseState.DEMAND_SERVED),
    /** Written demand to pay served, after the payment period passed (needs its service record). */
    SERVE_DEMAND(CaseState.DEMAND_SERVED, CaseState.DECISION_SERVED),
    /** Apply to court inside the court-enforcement window. */
    APPLY_TO_COURT(CaseState.COURT_APPLIED, CaseState.DEMAND_SERVED),
    /** The court enforced the decision. */
    RECORD_ENFORCEMENT(CaseState.ENFORCED, CaseState.COURT_APPLIED),
    /** Close the case. */
    CLOSE(CaseState.CLOSED, CaseState.PAID, CaseState.ENFORCED, CaseState.DECISION_SERVED);

    private final CaseState target;
    private final Set<CaseState> from;

    CaseAction(CaseState target, CaseState... from) {
        this.target = target;
        EnumSet<CaseState> s = EnumSet.noneOf(CaseState.class);
        s.addAll(java.util.List.of(from));
        this.from = Collections.unmodifiableSet(s);
    }

    /** States this action may start from. */
    public Set<CaseState> from() {
        return from;
    }

    /** State after the action; empty when the action keeps the state. */
    public Optional<CaseState> target() {
        return Optional.ofNullable(target);
    }

    /** Actions allowed by the transition table alone from {@code state} (guards may still refuse). */
    public static Set<CaseAction> allowedFrom(CaseState state) {
        return BY_STATE.get(state);
    }

    private static final Map<CaseState, Set<CaseAction>> BY_STATE = byState();

    private static Map<CaseState, Set<CaseAction>> byState() {
        Map<CaseState, Set<CaseAction>> m = new EnumMap<>(CaseState.class);
        for (CaseState s : CaseState.values()) {
            EnumSet<CaseAction> a = EnumSet.noneOf(CaseAction.class);
            for (CaseAction c : values()) {
                if (c.from.contains(s)) {
                    a.add(c);
                }
            }
            m.put(s, Collections.unmodifiableSet(a));
        }
        return Collections.unmodifiableMap(m);
    }
}
