package io.offsite.cases;

import io.offsite.core.grid.OfficerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone else changed the case since it was read: the update expected one version and the store holds another.
 * Nothing was written. Reload the case, look at what changed ({@link #lastChange()}) and decide again; the store
 * never retries on the caller's behalf, because the other officer's step may make this one wrong.
 */
public final class CaseConflictException extends CaseException {
    private static final long serialVersionUID = 1L;
    private final String caseId;
    private final long expectedVersion;
    private final long actualVersion;
    private final transient TimelineEntry lastChange;

    /**
     * A conflict on {@code caseId}.
     *
     * @param caseId          the case
     * @param expectedVersion the version the caller read
     * @param actualVersion   the version the store holds
     * @param lastChange      the newest timeline entry of the stored case (who changed it, what and when), or
     *                        {@code null} when the store cannot tell
     */
    public CaseConflictException(String caseId, long expectedVersion, long actualVersion, TimelineEntry lastChange) {
        super("case " + Objects.requireNonNull(caseId, "caseId") + " was changed by someone else: expected version "
                + expectedVersion + ", the store has version " + actualVersion + describe(lastChange)
                + "; nothing was written: reload the case and decide again");
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
        this.lastChange = lastChange;
    }

    private static String describe(TimelineEntry e) {
        return e == null ? "" : " (last change: " + e.action() + " by " + e.actors() + " at " + e.at() + ")";
    }

    /** The case. */
    public String caseId() {
        return caseId;
    }

    /** The version the caller read and expected to replace. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version the store holds. */
    public long actualVersion() {
        return actualVersion;
    }

    /** The newest timeline entry of the stored case, when the store could tell. */
    public Optional<TimelineEntry> lastChange() {
        return Optional.ofNullable(lastChange);
    }

    /** The officers of the newest timeline entry; empty when unknown. */
    public List<OfficerId> lastChangedBy() {
        return lastChange == null ? List.of() : lastChange.actors();
    }
}
