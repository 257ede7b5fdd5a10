package io.offsite.geofence;

import io.offsite.geofence.EpisodeState.Phase;

/**
 * The engine's mutable, allocation-free copy of one {@link EpisodeState} (minus the subject, which the owning
 * {@link Track} holds). A quiet sighting — the common case of a parked car seen again — updates it in place;
 * anything else is decided by the pure {@link Ladder} on a materialised {@link EpisodeState} and loaded back.
 * {@link Track} extends this class, so a subject's first episode costs no object of its own.
 */
class EpisodeCell {
    private static final Phase[] PHASES = Phase.values();
    private static final EpisodeState.Notice[] NOTICES = EpisodeState.Notice.values();

    String fenceId;
    /** Fence ordinal in the owning track's cached index snapshot, or -1 when the fence is gone. */
    int ordinal;
    /** The plate shown, packed by {@link PackedPlate}; 0 when {@link #display} holds it as a string. */
    long displayBits;
    /** The plate shown when it does not pack, else null. */
    String display;
    double displayConfidence;
    byte phase;
    boolean plateLegible;
    int stepsFired;
    int repeatCount;
    long firstSeen;
    long lastSeen;
    long startedAt;
    long nextStepAt;
    long activeUntil;
    double anchorX;
    double anchorY;
    double lastX;
    double lastY;
    String cameraId;
    /** {@link EpisodeState.Notice} ordinal. */
    byte notice;
    long noticeAt;
    /** Why the owner could not be told, or null when empty. */
    String noticeDetail;
    /** The episode id's 128 bits ({@link EpisodeIds#high}/{@link EpisodeIds#low}); both 0 while it has none. */
    long idHigh;
    long idLow;

    final Phase phase() {
        return PHASES[phase];
    }

    /** Copies every component of {@code s} except its subject. */
    final void load(EpisodeState s) {
        fenceId = s.fenceId();
        displayBits = PackedPlate.pack(s.display());
        display = displayBits == 0 ? s.display() : null;
        displayConfidence = s.displayConfidence();
        phase = (byte) s.phase().ordinal();
        plateLegible = s.plateLegible();
        stepsFired = s.stepsFired();
        repeatCount = s.repeatCount();
        firstSeen = s.firstSeen();
        lastSeen = s.lastSeen();
        startedAt = s.startedAt();
        nextStepAt = s.nextStepAt();
        activeUntil = s.activeUntil();
        anchorX = s.anchorX();
        anchorY = s.anchorY();
        lastX = s.lastX();
        lastY = s.lastY();
        cameraId = s.cameraId();
        notice = (byte) s.notice().ordinal();
        noticeAt = s.noticeAt();
        noticeDetail = s.noticeDetail().isEmpty() ? null : s.noticeDetail();
        String id = s.episodeId();
        idHigh = id.isEmpty() ? 0 : EpisodeIds.high(id);
        idLow = id.isEmpty() ? 0 : EpisodeIds.low(id);
    }

    /** Copies another cell (used when a track's inline episode is removed and the next one moves in). */
    final void copyFrom(EpisodeCell c) {
        fenceId = c.fenceId;
        ordinal = c.ordinal;
        displayBits = c.displayBits;
        display = c.display;
        displayConfidence = c.displayConfidence;
        phase = c.phase;
        plateLegible = c.plateLegible;
        stepsFired = c.stepsFired;
        repeatCount = c.repeatCount;
        firstSeen = c.firstSeen;
        lastSeen = c.lastSeen;
        startedAt = c.startedAt;
        nextStepAt = c.nextStepAt;
        activeUntil = c.activeUntil;
        anchorX = c.anchorX;
        anchorY = c.anchorY;
        lastX = c.lastX;
        lastY = c.lastY;
        cameraId = c.cameraId;
        notice = c.notice;
        noticeAt = c.noticeAt;
        noticeDetail = c.noticeDetail;
        idHigh = c.idHigh;
        idLow = c.idLow;
    }

    /**
     * The immutable state of this cell for {@code subject}, packed as {@code subjectBits} (or 0): when the plate
     * shown is the subject key itself (the common case) both share one string.
     */
    final EpisodeState toState(String subject, long subjectBits) {
        String shown = subjectBits != 0 && displayBits == subjectBits ? subject : displayString();
        return new EpisodeState(fenceId, subject, shown, displayConfidence, phase(), firstSeen, lastSeen, anchorX,
                anchorY, lastX, lastY, cameraId, plateLegible, stepsFired, startedAt, nextStepAt, activeUntil,
                repeatCount, idHigh == 0 && idLow == 0 ? "" : EpisodeIds.text(idHigh, idLow), NOTICES[notice], noticeAt,
                noticeDetail == null ? "" : noticeDetail);
    }

    /** The plate shown (or the tracker key). */
    final String displayString() {
        return displayBits != 0 ? PackedPlate.unpack(displayBits) : display;
    }

    /** Whether the episode's owner text waits for the host's delivery signal. */
    final boolean awaitingDelivery() {
        return notice == EpisodeState.Notice.AWAITING.ordinal();
    }

    /** Whether the episode is persisted (it fired a rung): ACTIVE or DONE. */
    final boolean stored() {
        return phase == Phase.ACTIVE.ordinal() || phase == Phase.DONE.ordinal();
    }

    /**
     * Applies a quiet sighting in place — exactly what {@link Ladder#sight} would do to the materialised state —
     * and returns true; returns false without changing anything when the sighting is not quiet
     * ({@link Ladder#isQuiet}).
     */
    final boolean quietSight(long at, double x, double y, boolean inside, String cam, boolean hasPlate,
            long plateBits, double plateConfidence, PlateRead plate, boolean legible, FenceRule rule) {
        if (!Ladder.isQuiet(phase(), firstSeen, lastSeen, anchorX, anchorY, nextStepAt, activeUntil, at, x, y, inside,
                rule)) {
            return false;
        }
        if (hasPlate) {
            // the read's text is its packed bits, or (when it does not pack) plate.text()
            boolean same = plateBits != 0 || displayBits != 0 ? plateBits == displayBits : plate.text().equals(display);
            double w = Ladder.vote(same, displayConfidence, plateConfidence);
            if (w < 0) {
                displayBits = plateBits;
                display = plateBits == 0 ? plate.text() : null;
                displayConfidence = -w;
            } else {
                displayConfidence = w;
            }
        }
        lastSeen = at;
        lastX = x;
        lastY = y;
        cameraId = cam;
        plateLegible |= legible;
        return true;
    }
}
