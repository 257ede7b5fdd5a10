package io.offsite.notify;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The configurable figures of the service ladder. Defaults follow DOMAIN.md §4: public notice deemed served
 * 30 calendar days after publication; leaving at the residence only after a refusal; public notice only after
 * another rung failed or the whereabouts are declared unknown; dates in Asia/Shanghai.
 */
public final class ServiceRules {
    private final int publicNoticeDays;
    private final ZoneId zone;
    private final boolean refusalBeforeLeaving;
    private final boolean failureBeforeNotice;

    private ServiceRules(Builder b) {
        this.publicNoticeDays = b.publicNoticeDays;
        this.zone = b.zone;
        this.refusalBeforeLeaving = b.refusalBeforeLeaving;
        this.failureBeforeNotice = b.failureBeforeNotice;
    }

    /** The defaults. */
    public static ServiceRules defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calendar days after publication until a public notice counts as served. */
    public int publicNoticeDays() {
        return publicNoticeDays;
    }

    /** Zone in which effective dates are taken. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether leaving at the residence needs an earlier refused direct attempt. */
    public boolean refusalBeforeLeaving() {
        return refusalBeforeLeaving;
    }

    /** Whether public notice needs an earlier failed attempt (or declared unknown whereabouts). */
    public boolean failureBeforeNotice() {
        return failureBeforeNotice;
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private int publicNoticeDays = 30;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");
        private boolean refusalBeforeLeaving = true;
        private boolean failureBeforeNotice = true;

        private Builder() {
        }

        /** Days until a public notice counts as served, 1..365 (default 30). */
        public Builder publicNoticeDays(int value) {
            if (value < 1 || value > 365) {
                throw new NotifyException("publicNoticeDays must be 1..365, was " + value);
            }
            this.publicNoticeDays = value;
            return this;
        }

        /** Zone for effective dates (default Asia/Shanghai). */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Require a refused direct attempt before leaving at the residence (default true). */
        public Builder refusalBeforeLeaving(boolean value) {
            this.refusalBeforeLeaving = value;
            return this;
        }

        /** Require a failed attempt or unknown whereabouts before public notice (default true). */
        public Builder failureBeforeNotice(boolean value) {
            this.failureBeforeNotice = value;
            return this;
        }

        /** Builds the rules. */
        public ServiceRules build() {
            return new ServiceRules(this);
        }
    }
}
