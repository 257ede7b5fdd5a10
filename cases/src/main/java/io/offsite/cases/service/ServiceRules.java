package io.offsite.cases.service;

import io.offsite.cases.deadline.DeadlineCalculator;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The configurable figures of service: the zone effective dates are taken in (default Asia/Shanghai) and the
 * deadline calculator that counts the public-notice period (default 30 calendar days, CPL Art. 95, set in its
 * {@code DeadlinePolicy}) and the periods service starts. The rules themselves (refusal before leaving,
 * consent before electronic or video service, …) are the law's and not switches. Immutable.
 */
public final class ServiceRules {
    private final ZoneId zone;
    private final DeadlineCalculator deadlines;

    private ServiceRules(Builder b) {
        this.zone = b.zone;
        this.deadlines = b.deadlines == null ? DeadlineCalculator.chinaDefaults() : b.deadlines;
    }

    /** The defaults: Asia/Shanghai, statutory periods over the China calendar. */
    public static ServiceRules defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Zone in which effective dates are taken. */
    public ZoneId zone() {
        return zone;
    }

    /** The calculator for the public-notice period and the periods service starts. */
    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private DeadlineCalculator deadlines;

        private Builder() {
        }

        /** Zone for effective dates (default Asia/Shanghai). */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Calculator (periods and calendar); use the case lifecycle's so both count alike. */
        public Builder deadlines(DeadlineCalculator value) {
            this.deadlines = Objects.requireNonNull(value, "deadlines");
            return this;
        }

        /** Builds the rules. */
        public ServiceRules build() {
            return new ServiceRules(this);
        }
    }
}
