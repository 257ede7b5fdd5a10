package io.offsite.evidence;

import io.offsite.core.violation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.locationtech.jts.geom.Geometry;

/**
 * What the completeness rules need to know about the case beyond its items: the fence (lon/lat polygon),
 * the move window and when it ended, how many warnings the ladder requires, the local time zone (for
 * "two different dates"), and the time of the check. Build with {@link #builder(Violation, Instant)}.
 *
 * @param violation         e.g. {@link Violation#PARKING}; selects the rule set
 * @param asOf              when the check is made; items captured later are inconsistent
 * @param fence             the no-parking fence or site polygon in WGS-84 lon/lat
 * @param moveWindow        the time the party had to move (e.g. 10 minutes)
 * @param windowEnd         when the window was judged over: the dispatch (recheck) capture; the SMS rule requires
 *                          delivery at least {@code moveWindow} before it
 * @param warningsRequired  the warning ladder's count (vendors)
 * @param zone              local zone for calendar dates (default Asia/Shanghai)
 */
public record CaseContext(Violation violation, Instant asOf, Optional<Geometry> fence, Optional<Duration> moveWindow,
        Optional<Instant> windowEnd, OptionalInt warningsRequired, ZoneId zone) {
    public CaseContext {
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(fence, "fence");
        Objects.requireNonNull(moveWindow, "moveWindow");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(warningsRequired, "warningsRequired");
        Objects.requireNonNull(zone, "zone");
    }

    /** Starts a context for {@code violation}, checked as of {@code asOf}. */
    public static Builder builder(Violation violation, Instant asOf) {
        return new Builder(violation, asOf);
    }

    /** Builds a {@link CaseContext}; setters reject bad values at once. */
    public static final class Builder {
        private final Violation violation;
        private final Instant asOf;
        private Geometry fence;
        private Duration moveWindow;
        private Instant windowEnd;
        private Integer warnings;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");

        private Builder(Violation violation, Instant asOf) {
            this.violation = Objects.requireNonNull(violation, "violation");
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        /** The fence polygon in lon/lat (JTS geometry, x = lon, y = lat). */
        public Builder fence(Geometry fence) {
            Objects.requireNonNull(fence, "fence");
            if (fence.isEmpty() || fence.getDimension() != 2) {
                throw new EvidenceException("fence must be a non-empty polygon, was " + fence.getGeometryType());
            }
            this.fence = fence;
            return this;
        }

        /** The move window (must be positive). */
        public Builder moveWindow(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new EvidenceException("moveWindow must be positive, was " + window);
            }
            this.moveWindow = window;
            return this;
        }

        /**
         * When the move window was judged over: the time of the dispatch capture (e.g. {@code CaptureEvidence.at()}).
         * The parking SMS rule requires the SMS to be delivered at least the full move window before it.
         */
        public Builder windowEnd(Instant end) {
            this.windowEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /** How many warnings the ladder requires before a case (must be 1..20). */
        public Builder warningsRequired(int count) {
            if (count < 1 || count > 20) {
                throw new EvidenceException("warningsRequired must be within 1..20, was " + count);
            }
            this.warnings = count;
            return this;
        }

        /** Local time zone for calendar-date rules. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Builds the context. */
        public CaseContext build() {
            return new CaseContext(violation, asOf, Optional.ofNullable(fence), Optional.ofNullable(moveWindow),
                    Optional.ofNullable(windowEnd), warnings == null ? OptionalInt.empty() : OptionalInt.of(warnings),
                    zone);
        }
    }
}
