package io.offsite.geofence;

import io.offsite.core.Masks;
import io.offsite.geofence.EpisodeState.Phase;
import io.offsite.geofence.spi.EpisodeStore;

/**
 * The engine's mutable, allocation-free copy of one {@link EpisodeState} (minus the subject, which the owning
 * {@link Track} holds). A quiet sighting — the common case of a parked car seen again — updates it in place;
 * anything else is decided by the pure {@link Ladder} on a materialised {@link EpisodeState} and loaded back.
 * {@link Track} extends this class, so a subject's first episode costs no object of its own.
 */
class EpisodeCell {
    private static final Phase[] PHASES = Phase.values();
    private static final EpisodeState.Notice[] NOTICES = EpisodeState.Notice.values();

    /** Largest {@code stepsFired}/{@code repeatCount} a cell holds (they are kept as {@code short}s: memory). */
    static final int MAX_COUNT = Short.MAX_VALUE;
    /** {@link #noticeOffset}: the notice time is 0 (no owner text). */
    private static final int NOTICE_ZERO = Integer.MIN_VALUE;
    /** {@link #noticeOffset}: the notice time is too far from the episode start for an int; {@link #aux} has it. */
    private static final int NOTICE_WIDE = Integer.MIN_VALUE + 1;
    private static final int LEGIBLE = 1 << 7;
    /** Track-level bit kept here so it costs no field of its own ({@link Track#dirty}). */
    static final int DIRTY = 1 << 6;
    private static final int NOTICE_SHIFT = 2;
    private static final int PHASE_MASK = 3;
    private static final int NOTICE_MASK = 7 << NOTICE_SHIFT;

    /**
     * The seldom-set parts of a cell, in one immutable object (null when all are at their common values): the plate
     * shown when it does not pack, why the owner could not be told, the notice time when it is far from the start;
     * with them the store's {@link EpisodeStore.LastSeen} handle of the episode (or null), which otherwise takes
     * their field alone (memory: no field of its own).
     */
    record Rare(String display, String noticeDetail, long noticeAt, EpisodeStore.LastSeen handle) {
    }

    String fenceId;
    /** Fence ordinal in the owning track's cached index snapshot, or -1 when the fence is gone. */
    int ordinal;
    /** The plate shown, packed by {@link PackedPlate}; 0 when {@link #display()} holds it as a string. */
    long displayBits;
    double displayConfidence;
    /** Phase ordinal (bits 0-1), {@link EpisodeState.Notice} ordinal (bits 2-4), {@link #DIRTY}, {@link #LEGIBLE}. */
    byte flags;
    /** At most {@link #MAX_COUNT} (checked on {@link #load}). */
    short stepsFired;
    /** At most {@link #MAX_COUNT} (checked on {@link #load}). */
    short repeatCount;
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
    /** The notice time minus {@link #startedAt}, or {@link #NOTICE_ZERO} / {@link #NOTICE_WIDE}. */
    private int noticeOffset = NOTICE_ZERO;
    /**
     * Null, the store's {@link EpisodeStore.LastSeen} handle of this episode alone, or a {@link Rare} (which carries
     * the handle too): the seldom-set parts and the handle share one field (memory).
     */
    private Object aux;
    /** The episode id's 128 bits ({@link EpisodeIds#high}/{@link EpisodeIds#low}); both 0 while it has none. */
    long idHigh;
    long idLow;

    /** The plate shown when it does not pack, else null. */
    final String display() {
        return aux instanceof Rare r ? r.display : null;
    }

    /** Why the owner could not be told, or null when empty. */
    final String noticeDetail() {
        return aux instanceof Rare r ? r.noticeDetail : null;
    }

    final long noticeAt() {
        return noticeOffset == NOTICE_ZERO ? 0
                : noticeOffset == NOTICE_WIDE ? ((Rare) aux).noticeAt : startedAt + noticeOffset;
    }

    /**
     * The store's handle for this episode's last-seen changes ({@link EpisodeStore#putTracked}), or null when the
     * store gave none (it takes them by key) or the episode was not put since it was loaded from the store.
     */
    final EpisodeStore.LastSeen storeHandle() {
        Object a = aux;
        return a instanceof Rare r ? r.handle : (EpisodeStore.LastSeen) a;
    }

    /** Keeps {@code h} (null for none) as {@link #storeHandle()}; no reference store when it is the same one. */
    final void storeHandle(EpisodeStore.LastSeen h) {
        Object a = aux;
        if (a == h) {
            return;
        }
        if (a instanceof Rare r) {
            if (r.handle != h) {
                aux = new Rare(r.display, r.noticeDetail, r.noticeAt, h);
            }
        } else {
            aux = h;
        }
    }

    /** Sets the seldom-set parts, keeping the store handle: {@link #aux} becomes a Rare, or the handle alone. */
    private void setAux(String display, String noticeDetail, long noticeAt) {
        EpisodeStore.LastSeen h = storeHandle();
        aux = display == null && noticeDetail == null && noticeAt == 0 ? h
                : new Rare(display, noticeDetail, noticeAt, h);
    }

    final boolean plateLegible() {
        return (flags & LEGIBLE) != 0;
    }

    final int noticeOrdinal() {
        return (flags & NOTICE_MASK) >>> NOTICE_SHIFT;
    }

    final boolean dirtyBit() {
        return (flags & DIRTY) != 0;
    }

    final void dirtyBit(boolean on) {
        flags = (byte) (on ? flags | DIRTY : flags & ~DIRTY);
    }

    /** Sets the notice time and detail and the plate shown as a string (with {@link #startedAt} already set). */
    private void setRare(String display, String noticeDetail, long noticeAt) {
        long off = noticeAt - startedAt;
        boolean fits = ((noticeAt ^ startedAt) & (noticeAt ^ off)) >= 0 // no overflow
                && off > NOTICE_WIDE && off <= Integer.MAX_VALUE;
        if (noticeAt == 0) {
            noticeOffset = NOTICE_ZERO;
            setAux(display, noticeDetail, 0);
        } else if (fits) {
            noticeOffset = (int) off;
            setAux(display, noticeDetail, 0);
        } else {
            noticeOffset = NOTICE_WIDE;
            setAux(display, noticeDetail, noticeAt);
        }
    }

    private static short count(EpisodeState s, String what, int n) {
        if (n > MAX_COUNT) {
            throw new GeofenceException("episode " + s.fenceId() + "/" + Masks.inText(s.subject()) + ": " + what + " "
                    + n + " exceeds the engine's limit of " + MAX_COUNT);
        }
        return (short) n;
    }

    final Phase phase() {
        return PHASES[flags & PHASE_MASK];
    }

    /** Copies every component of {@code s} except its subject. */
    final void load(EpisodeState s) {
        short fired = count(s, "stepsFired", s.stepsFired());
        short repeats = count(s, "repeatCount", s.repeatCount());
        fenceId = s.fenceId();
        displayBits = PackedPlate.pack(s.display());
        displayConfidence = s.displayConfidence();
        flags = (byte) (s.phase().ordinal() | s.notice().ordinal() << NOTICE_SHIFT | (s.plateLegible() ? LEGIBLE : 0)
                | (flags & DIRTY));
        stepsFired = fired;
        repeatCount = repeats;
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
        setRare(displayBits == 0 ? s.display() : null, s.noticeDetail().isEmpty() ? null : s.noticeDetail(),
                s.noticeAt());
        String id = s.episodeId();
        idHigh = id.isEmpty() ? 0 : EpisodeIds.high(id);
        idLow = id.isEmpty() ? 0 : EpisodeIds.low(id);
    }

    /** Copies another cell (used when a track's inline episode is removed and the next one moves in). */
    final void copyFrom(EpisodeCell c) {
        fenceId = c.fenceId;
        ordinal = c.ordinal;
        displayBits = c.displayBits;
        displayConfidence = c.displayConfidence;
        flags = (byte) (c.flags & ~DIRTY | flags & DIRTY);
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
        noticeOffset = c.noticeOffset;
        aux = c.aux;
        idHigh = c.idHigh;
        idLow = c.idLow;
    }

    /** Forgets the references of an emptied cell (a track with no episode). */
    final void clearRefs() {
        fenceId = null;
        cameraId = null;
        aux = null;
        noticeOffset = NOTICE_ZERO;
        idHigh = 0;
        idLow = 0;
    }

    /**
     * The immutable state of this cell for {@code subject}, packed as {@code subjectBits} (or 0): when the plate
     * shown is the subject key itself (the common case) both share one string.
     */
    final EpisodeState toState(String subject, long subjectBits) {
        String shown = subjectBits != 0 && displayBits == subjectBits ? subject : displayString();
        String detail = noticeDetail();
        return new EpisodeState(fenceId, subject, shown, displayConfidence, phase(), firstSeen, lastSeen, anchorX,
                anchorY, lastX, lastY, cameraId, plateLegible(), stepsFired, startedAt, nextStepAt, activeUntil,
                repeatCount, idHigh == 0 && idLow == 0 ? "" : EpisodeIds.text(idHigh, idLow), NOTICES[noticeOrdinal()],
                noticeAt(), detail == null ? "" : detail);
    }

    /** The plate shown (or the tracker key). */
    final String displayString() {
        return displayBits != 0 ? PackedPlate.unpack(displayBits) : display();
    }

    /** Whether the episode's owner text waits for the host's delivery signal. */
    final boolean awaitingDelivery() {
        return noticeOrdinal() == EpisodeState.Notice.AWAITING.ordinal();
    }

    /** Whether the episode is persisted (it fired a rung): ACTIVE or DONE. */
    final boolean stored() {
        int phase = flags & PHASE_MASK;
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
            boolean same = plateBits != 0 || displayBits != 0 ? plateBits == displayBits : plate.text().equals(display());
            double w = Ladder.vote(same, displayConfidence, plateConfidence);
            if (w < 0) {
                String shown = plateBits == 0 ? plate.text() : null;
                if (shown != display()) {
                    setAux(shown, noticeDetail(), noticeOffset == NOTICE_WIDE ? ((Rare) aux).noticeAt : 0);
                }
                displayBits = plateBits;
                displayConfidence = -w;
            } else {
                displayConfidence = w;
            }
        }
        lastSeen = at;
        lastX = x;
        lastY = y;
        if (cameraId != cam && !cam.equals(cameraId)) {
            // kept when equal: storing a reference into a long-lived cell dirties a GC card on every sighting
            cameraId = cam;
        }
        if (legible) {
            flags |= LEGIBLE;
        }
        return true;
    }
}
