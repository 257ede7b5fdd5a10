package io.offsite.geofence;

import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The "warn, wait, escalate" rules of a fence. A subject (vehicle by plate, or tracked person/stall)
 * that stays inside the fence within {@code jitterRadiusMeters} for {@code dwell} starts an episode and the
 * first {@link LadderStep} fires; each later step fires when the subject is observed at or after its wait
 * has passed. Missing detections for up to {@code gapTolerance} do not end an episode; leaving the fence,
 * moving beyond the radius, or not being seen past the tolerance ends it as moved. Every standard
 * {@link Violation} has a preset configuration ({@link #preset(Violation)}; e.g. {@link #parking()},
 * {@link #vending()}, {@link #dumping()}); a vendor's local violation gets a ladder from {@link #builder()}.
 *
 * <p>Repeats: the subject's (or the location's, see {@link RepeatScope}) earlier warned episodes inside
 * {@code repeatWindow} are counted; when {@code escalateAtOnceAfter > 0} and that count reaches it, the
 * first rung directly performs the last rung's actions (e.g. the third warning in 30 days files a case).
 * Notices (dispatch, case) are capped per subject per local day with {@code maxNoticesPerDay}.
 *
 * <p>Owner texts: the wait after a {@link LadderAction#REQUEST_OWNER_MOVE} rung is the owner's move window, and
 * it runs from when the owner is <em>told</em> ({@link WindowStart#DELIVERY}, the default): the rung waits for the
 * host's delivery signal ({@link GeofenceEngine#ownerNotified}); the next rung becomes due the window after the
 * delivery time. With no delivery within {@code deliveryWait} (default 5 min), or on an "unreachable" signal, the
 * next sighting sends the officer with the reason "owner could not be told" (on-site handling). Hosts without
 * delivery receipts choose {@link WindowStart#DECISION}: the window runs from the decision to text.
 * Immutable; build with {@link #builder()} or start from a preset with {@link #toBuilder()}.
 */
public final class LadderPolicy {
    /** What repeat counts are kept per. */
    public enum RepeatScope {
        /** Per subject (plate or tracker), across fences. */
        SUBJECT,
        /** Per fence (location), whoever the subject is. */
        LOCATION
    }

    /** When the owner's move window starts. */
    public enum WindowStart {
        /**
         * When the text is delivered (the host reports the receipt): the lawful default — the ten minutes run from
         * when the owner is told.
         */
        DELIVERY,
        /**
         * When the engine decides to text (the request): only for hosts whose gateway gives no delivery receipts;
         * the SMS record must then still prove delivery in time for an off-site case.
         */
        DECISION
    }

    /**
     * The longest duration a policy or a {@link LadderStep} takes (dwell, gap tolerance, repeat window, a rung's
     * wait): 3,650 days. With event times bounded by {@link EventTimes}, time plus any of them never overflows.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(3650);

    final Violation violation;
    final Set<ObjectClass> appliesTo;
    final long dwellMs;
    final double jitterRadiusMeters;
    final double jitterRadiusPixels;
    final long gapMs;
    final List<LadderStep> steps;
    final long[] waitMs;
    final int maxNoticesPerDay;
    final long repeatWindowMs;
    final RepeatScope repeatScope;
    final int escalateAtOnceAfter;
    final int minStills;
    final boolean plateLegibleRequired;
    final boolean videoClip;
    final WindowStart windowStart;
    final long deliveryWaitMs;

    private LadderPolicy(Builder b) {
        violation = b.violation;
        appliesTo = java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.appliesTo));
        dwellMs = b.dwell.toMillis();
        jitterRadiusMeters = b.jitterRadiusMeters;
        jitterRadiusPixels = b.jitterRadiusPixels;
        gapMs = b.gapTolerance.toMillis();
        steps = List.copyOf(b.steps);
        waitMs = new long[steps.size()];
        for (int i = 0; i < waitMs.length; i++) {
            waitMs[i] = steps.get(i).waitAfterPrevious().toMillis();
        }
        maxNoticesPerDay = b.maxNoticesPerDay;
        repeatWindowMs = b.repeatWindow.toMillis();
        repeatScope = b.repeatScope;
        escalateAtOnceAfter = b.escalateAtOnceAfter;
        minStills = b.minStills;
        plateLegibleRequired = b.plateLegibleRequired;
        videoClip = b.videoClip;
        windowStart = b.windowStart;
        deliveryWaitMs = b.deliveryWait.toMillis();
    }

    /** A builder with the parking defaults (see {@link #parking()}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Electronic-fence parking: vehicles, dwell 2 min within 5 m, gap tolerance 60 s; owner SMS, then 10 minutes
     * after the SMS is delivered (waiting at most 5 min for the receipt, else the officer is sent at once) dispatch
     * the grid officer with evidence (3 stills, one with a legible plate, two further apart than the window); at
     * most 1 notice per vehicle per day; repeats counted over 365 days.
     */
    public static LadderPolicy parking() {
        return builder().build();
    }

    /**
     * Parking with its two timings (违停): a vehicle stopped {@code dwell} within 5 m is texted to move; if it is
     * still there {@code window} after the text was delivered, the grid officer is dispatched with evidence. Every
     * other setting as {@link #parking()} ({@link #toBuilder()} for more).
     *
     * @param dwell  how long a vehicle must stay before the owner is texted; positive, at most {@link #MAX_DURATION}
     * @param window the owner's move window, from the delivery of the text; positive, at most {@link #MAX_DURATION}
     * @throws GeofenceException when a duration is null, not positive or longer than {@link #MAX_DURATION}
     */
    public static LadderPolicy parking(Duration dwell, Duration window) {
        return LadderPresets.parking(dwell, window);
    }

    /**
     * Street vending (占道经营): persons/stalls, dwell 60 s within 15 m, gap 120 s; loudspeaker warning, 5 min, second
     * warning, 5 min, file a case with evidence; the third warned episode at this location in 30 days files
     * a case at once.
     */
    public static LadderPolicy vending() {
        return vending(Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /**
     * Street vending with its two timings: a vendor present {@code dwell} is warned by loudspeaker, warned again
     * {@code betweenWarnings} later, and a case with evidence is filed {@code betweenWarnings} after that; every other
     * setting as {@link #vending()}.
     *
     * @throws GeofenceException when a duration is null, not positive or longer than {@link #MAX_DURATION}
     */
    public static LadderPolicy vending(Duration dwell, Duration betweenWarnings) {
        return LadderPresets.vending(dwell, betweenWarnings);
    }

    /**
     * Dumping household waste (乱倒生活垃圾): any object staying 30 s within 20 m, gap 120 s. No warning step — the
     * waste is already dumped, so the one rung captures evidence (with video) and files a case at once.
     */
    public static LadderPolicy dumping() {
        return dumping(Duration.ofSeconds(30));
    }

    /**
     * Dumping with its dwell: evidence and a case as soon as something has stayed {@code dwell}; every other
     * setting as {@link #dumping()}.
     *
     * @throws GeofenceException when {@code dwell} is null, not positive or longer than {@link #MAX_DURATION}
     */
    public static LadderPolicy dumping(Duration dwell) {
        return LadderPresets.dumping(dwell);
    }

    /** The default policy of a fence kind: the preset of its {@link FenceKind#defaultViolation()}. */
    public static LadderPolicy defaultFor(FenceKind kind) {
        return preset(kind.defaultViolation());
    }

    /**
     * The preset ladder of a standard violation (see {@link LadderPresets} for each one's settings).
     *
     * @throws GeofenceException for a violation without a preset (a vendor's local one): build its ladder with
     *         {@link #builder()} and {@link Builder#violation(Violation)}
     */
    public static LadderPolicy preset(Violation violation) {
        return LadderPresets.of(violation);
    }

    /** A builder pre-filled with this policy's settings. */
    public Builder toBuilder() {
        return new Builder().violation(violation).appliesTo(appliesTo).dwell(Duration.ofMillis(dwellMs))
                .jitterRadiusMeters(jitterRadiusMeters).jitterRadiusPixels(jitterRadiusPixels)
                .gapTolerance(Duration.ofMillis(gapMs)).steps(steps).maxNoticesPerDay(maxNoticesPerDay)
                .repeat(repeatScope, Duration.ofMillis(repeatWindowMs), escalateAtOnceAfter).minStills(minStills)
                .plateLegibleRequired(plateLegibleRequired).videoClip(videoClip).windowFrom(windowStart)
                .deliveryWait(Duration.ofMillis(deliveryWaitMs));
    }

    /** The violation this ladder watches, e.g. {@link Violation#PARKING}; carried by its evidence and case effects. */
    public Violation violation() {
        return violation;
    }

    /** The ladder's rungs, first rung first. */
    public List<LadderStep> steps() {
        return steps;
    }

    /** Whether repeats are counted per location (fence) rather than per subject. */
    public boolean repeatScopeIsLocation() {
        return repeatScope == RepeatScope.LOCATION;
    }

    /** Dwell time before the first rung. */
    public Duration dwell() {
        return Duration.ofMillis(dwellMs);
    }

    /** Gap tolerance (occlusion). */
    public Duration gapTolerance() {
        return Duration.ofMillis(gapMs);
    }

    /** When the owner's move window starts (default {@link WindowStart#DELIVERY}). */
    public WindowStart windowFrom() {
        return windowStart;
    }

    /** How long an owner-text rung waits for the delivery signal before the owner counts as not told. */
    public Duration deliveryWait() {
        return Duration.ofMillis(deliveryWaitMs);
    }

    /** Object classes the ladder applies to. */
    public Set<ObjectClass> appliesTo() {
        return appliesTo;
    }

    @Override
    public String toString() {
        return "LadderPolicy[" + violation + ", dwell=" + dwellMs + "ms, gap=" + gapMs + "ms, steps=" + steps + ", window from "
                + windowStart + (windowStart == WindowStart.DELIVERY ? " (wait " + deliveryWaitMs + "ms)" : "") + "]";
    }

    /** Validating builder; each setter rejects a bad value at once, naming it. */
    public static final class Builder {
        private Violation violation = Violation.PARKING;
        private Set<ObjectClass> appliesTo = EnumSet.of(ObjectClass.CAR, ObjectClass.TRUCK, ObjectClass.BUS, ObjectClass.MOTORCYCLE);
        private Duration dwell = Duration.ofMinutes(2);
        private double jitterRadiusMeters = 5;
        private double jitterRadiusPixels = 40;
        private Duration gapTolerance = Duration.ofSeconds(60);
        private List<LadderStep> steps = List.of(LadderStep.after(Duration.ZERO, LadderAction.REQUEST_OWNER_MOVE),
                LadderStep.after(Duration.ofMinutes(10), LadderAction.DISPATCH_OFFICER, LadderAction.CAPTURE_EVIDENCE));
        private int maxNoticesPerDay = 1;
        private Duration repeatWindow = Duration.ofDays(365);
        private RepeatScope repeatScope = RepeatScope.SUBJECT;
        private int escalateAtOnceAfter;
        private int minStills = 3;
        private boolean plateLegibleRequired = true;
        private boolean videoClip;
        private WindowStart windowStart = WindowStart.DELIVERY;
        private Duration deliveryWait = Duration.ofMinutes(5);

        private Builder() {
        }

        /** The violation put into warnings, dispatches, evidence requests and cases (default {@link Violation#PARKING}). */
        public Builder violation(Violation value) {
            this.violation = Objects.requireNonNull(value, "violation");
            return this;
        }

        /** Object classes this ladder watches; others are ignored in the fence. */
        public Builder appliesTo(Set<ObjectClass> classes) {
            if (classes.isEmpty()) {
                throw new GeofenceException("appliesTo needs at least one object class");
            }
            this.appliesTo = EnumSet.copyOf(classes);
            return this;
        }

        /** How long the subject must stay before the first rung; ≥ 0. */
        public Builder dwell(Duration d) {
            this.dwell = nonNegative(d, "dwell");
            return this;
        }

        /** Positions within this many metres of the episode's anchor count as "not moved"; &gt; 0. */
        public Builder jitterRadiusMeters(double m) {
            if (!(m > 0 && m <= 10_000)) {
                throw new GeofenceException("jitterRadiusMeters must be within (0, 10000], was " + m);
            }
            this.jitterRadiusMeters = m;
            return this;
        }

        /** Same as {@link #jitterRadiusMeters} for camera-pixel fences, in pixels; &gt; 0. */
        public Builder jitterRadiusPixels(double px) {
            if (!(px > 0 && px <= 100_000)) {
                throw new GeofenceException("jitterRadiusPixels must be within (0, 100000], was " + px);
            }
            this.jitterRadiusPixels = px;
            return this;
        }

        /** Longest run of missing detections that does not end the episode; &gt; 0. */
        public Builder gapTolerance(Duration d) {
            this.gapTolerance = nonNegative(d, "gapTolerance");
            if (d.isZero()) {
                throw new GeofenceException("gapTolerance must be > 0, was " + d);
            }
            return this;
        }

        /** The rungs, first rung first; at least one. */
        public Builder steps(List<LadderStep> s) {
            if (s.isEmpty()) {
                throw new GeofenceException("a ladder needs at least one step");
            }
            this.steps = new ArrayList<>(s);
            return this;
        }

        /** Most notices (dispatch/case) per subject per local day; ≥ 1 ({@code Integer.MAX_VALUE} = no cap). */
        public Builder maxNoticesPerDay(int n) {
            if (n < 1) {
                throw new GeofenceException("maxNoticesPerDay must be >= 1, was " + n);
            }
            this.maxNoticesPerDay = n;
            return this;
        }

        /** Repeat counting: scope, rolling window, and after how many earlier warned episodes to escalate at once (0 = never). */
        public Builder repeat(RepeatScope scope, Duration window, int escalateAtOnceAfter) {
            this.repeatScope = Objects.requireNonNull(scope, "scope");
            this.repeatWindow = nonNegative(window, "repeatWindow");
            if (escalateAtOnceAfter < 0) {
                throw new GeofenceException("escalateAtOnceAfter must be >= 0, was " + escalateAtOnceAfter);
            }
            this.escalateAtOnceAfter = escalateAtOnceAfter;
            return this;
        }

        /** Least number of stills the evidence rules need; ≥ 1. */
        public Builder minStills(int n) {
            if (n < 1) {
                throw new GeofenceException("minStills must be >= 1, was " + n);
            }
            this.minStills = n;
            return this;
        }

        /** Whether one still must show a legible plate. */
        public Builder plateLegibleRequired(boolean b) {
            this.plateLegibleRequired = b;
            return this;
        }

        /** Whether a video clip of the episode is requested with the evidence. */
        public Builder videoClip(boolean b) {
            this.videoClip = b;
            return this;
        }

        /**
         * When the owner's move window starts: {@link WindowStart#DELIVERY} (default; the host reports delivery
         * receipts to the engine) or {@link WindowStart#DECISION} (hosts without receipts: from the decision to text).
         */
        public Builder windowFrom(WindowStart start) {
            this.windowStart = Objects.requireNonNull(start, "windowFrom");
            return this;
        }

        /**
         * How long an owner-text rung waits for the delivery signal (default 5 min); past it the owner counts as
         * not told and the next sighting sends the officer. Within (0, 1 h].
         */
        public Builder deliveryWait(Duration d) {
            nonNegative(d, "deliveryWait");
            if (d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new GeofenceException("deliveryWait must be within (0, 1 h], was " + d);
            }
            this.deliveryWait = d;
            return this;
        }

        /** The immutable policy. */
        public LadderPolicy build() {
            if (!steps.get(0).waitAfterPrevious().isZero()) {
                throw new GeofenceException("the first ladder step fires at dwell end; its waitAfterPrevious must be 0, was "
                        + steps.get(0).waitAfterPrevious());
            }
            return new LadderPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
                throw new GeofenceException(name + " must be within [0, " + MAX_DURATION.toDays() + " days], was " + d);
            }
            return d;
        }
    }
}
