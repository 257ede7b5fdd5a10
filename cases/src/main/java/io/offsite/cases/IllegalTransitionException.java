package io.offsite.cases;

import java.util.Set;

/** The action is not allowed from the case's current state; {@link #allowed()} names the ones that are. */
public final class IllegalTransitionException extends CaseException {
    private static final long serialVersionUID = 1L;
    private final CaseState state;
    private final CaseAction action;
    private final transient Set<CaseAction> allowed;

    IllegalTransitionException(String caseId, CaseState state, CaseAction action, Set<CaseAction> allowed) {
        super("case " + caseId + ": " + action + " is not allowed in state " + state + "; allowed: "
                + (allowed.isEmpty() ? "none (terminal state)" : allowed));
        this.state = state;
        this.action = action;
        this.allowed = Set.copyOf(allowed);
    }

    /** The case's state. */
    public CaseState state() {
        return state;
    }

    /** The refused action. */
    public CaseAction action() {
        return action;
    }

    /** Actions the transition table allows from this state. */
    public Set<CaseAction> allowed() {
        return allowed;
    }
}
