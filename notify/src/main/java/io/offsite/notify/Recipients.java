package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.core.grid.CellId;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.spi.OfficerDirectory;
import io.offsite.notify.spi.PartyDirectory;
import io.offsite.notify.spi.VehicleRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves who to tell: plate → owner phone, cell → responsible officer, officer → phone or push token,
 * party → service address. Each lookup goes through a bounded Caffeine cache on the supplied clock: answers stay fresh for
 * {@code freshFor} ("unknown" answers for the shorter {@code negativeFreshFor}), and while a source is down
 * the last answer is served for up to {@code serveStaleFor} more, marked {@link Resolution.Status#FOUND_STALE}.
 * A source that is not configured answers {@link Resolution.Status#UNAVAILABLE} saying so. Thread-safe.
 */
public final class Recipients {
    private final CachedLookup<String, String> owners;
    private final CachedLookup<CellId, OfficerId> cellOfficers;
    private final CachedLookup<OfficerId, String> officerPhones;
    private final CachedLookup<OfficerId, String> officerPushTokens;
    private final CachedLookup<String, ServiceAddress> parties;

    private Recipients(Builder b) {
        owners = new CachedLookup<>("owner phone", b.vehicles::ownerPhone, Masks::plate, b.clock, b.fresh,
                b.negativeFresh, b.stale, b.maximumSize);
        cellOfficers = new CachedLookup<>("responsible officer", c -> b.officers.responsibleFor(c, b.clock.instant()), CellId::value,
                b.clock, b.fresh, b.negativeFresh, b.stale, b.maximumSize);
        officerPhones = new CachedLookup<>("officer phone", b.officers::phone, OfficerId::value, b.clock,
                b.fresh, b.negativeFresh, b.stale, b.maximumSize);
        officerPushTokens = new CachedLookup<>("officer push token", b.officers::pushToken, OfficerId::value,
                b.clock, b.fresh, b.negativeFresh, b.stale, b.maximumSize);
        parties = new CachedLookup<>("service address", b.parties::serviceAddress, p -> p, b.clock, b.fresh,
                b.negativeFresh, b.stale, b.maximumSize);
    }

    /** A builder; sources not given answer UNAVAILABLE. */
    public static Builder builder() {
        return new Builder();
    }

    /** The owner's phone for a plate. */
    public Resolution<String> ownerPhone(String plate) {
        return owners.get(plate);
    }

    /** The officer responsible for a cell now (the directory is asked at the clock's time; answers are cached). */
    public Resolution<OfficerId> responsibleOfficer(CellId cell) {
        return cellOfficers.get(cell);
    }

    /** An officer's phone. */
    public Resolution<String> officerPhone(OfficerId officer) {
        return officerPhones.get(officer);
    }

    /** An officer's push address. */
    public Resolution<String> officerPushToken(OfficerId officer) {
        return officerPushTokens.get(officer);
    }

    /** A party's service address. */
    public Resolution<ServiceAddress> serviceAddress(String partyId) {
        return parties.get(partyId);
    }

    /** Approximate number of cached owner-phone answers (for monitoring). */
    public long cachedOwnerPhones() {
        return owners.estimatedSize();
    }

    /** Builder with validating setters. */
    public static final class Builder {
        private VehicleRegistry vehicles = plate -> {
            throw new NotifyException("no vehicle registry configured");
        };
        private OfficerDirectory officers = new OfficerDirectory() {
            @Override
            public Optional<OfficerId> responsibleFor(CellId cell, Instant at) {
                throw new NotifyException("no officer directory configured");
            }

            @Override
            public Optional<String> phone(OfficerId officer) {
                throw new NotifyException("no officer directory configured");
            }

            @Override
            public Optional<String> pushToken(OfficerId officer) {
                throw new NotifyException("no officer directory configured");
            }
        };
        private PartyDirectory parties = party -> {
            throw new NotifyException("no party directory configured");
        };
        private Clock clock = Clock.systemUTC();
        private Duration fresh = Duration.ofHours(1);
        private Duration negativeFresh = Duration.ofMinutes(5);
        private Duration stale = Duration.ofHours(24);
        private long maximumSize = 100_000;

        private Builder() {
        }

        /** The vehicle registry (plate → owner phone). */
        public Builder vehicleRegistry(VehicleRegistry value) {
            this.vehicles = Objects.requireNonNull(value, "vehicleRegistry");
            return this;
        }

        /** The officer directory (cell → officer, officer → phone). */
        public Builder officerDirectory(OfficerDirectory value) {
            this.officers = Objects.requireNonNull(value, "officerDirectory");
            return this;
        }

        /** The party directory (party → service address). */
        public Builder partyDirectory(PartyDirectory value) {
            this.parties = Objects.requireNonNull(value, "partyDirectory");
            return this;
        }

        /** Clock for cache ages (default system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How long a found answer is used without asking the source again (default 1 h; 1 s..30 days). */
        public Builder freshFor(Duration value) {
            this.fresh = range("freshFor", value, Duration.ofSeconds(1), Duration.ofDays(30));
            return this;
        }

        /** How long an "unknown" answer is reused (default 5 min; 0..1 day; 0 disables negative caching). */
        public Builder negativeFreshFor(Duration value) {
            this.negativeFresh = range("negativeFreshFor", value, Duration.ZERO, Duration.ofDays(1));
            return this;
        }

        /** How long past freshness an answer may be served while the source is down (default 24 h; 0..30 days). */
        public Builder serveStaleFor(Duration value) {
            this.stale = range("serveStaleFor", value, Duration.ZERO, Duration.ofDays(30));
            return this;
        }

        /** Most cached answers per lookup kind (default 100,000; 1..100,000,000). */
        public Builder maximumSize(long value) {
            if (value < 1 || value > 100_000_000L) {
                throw new NotifyException("recipients maximumSize must be 1..100000000, was " + value);
            }
            this.maximumSize = value;
            return this;
        }

        /** Builds the resolver. */
        public Recipients build() {
            return new Recipients(this);
        }

        private static Duration range(String name, Duration value, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new NotifyException("recipients " + name + " must be between " + min + " and " + max
                        + ", was " + value);
            }
            return value;
        }
    }
}
