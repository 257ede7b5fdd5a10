package io.offsite.evidence;

import io.offsite.core.geo.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the host knows about an item when it hands the bytes in: kind, media type, when, by whom and
 * where it was captured, the device's review status and clock error, and facts the completeness rules
 * read (plate legible, SMS delivery time, …). Build with {@link #builder(ItemKind, String, Instant, String)}.
 *
 * @param kind            what the item is
 * @param mediaType       IANA media type, e.g. {@code image/jpeg}
 * @param capturedAt      when it was captured (the device's own time)
 * @param capturedBy      device id (raw GB/T 28181 id) or officer id
 * @param location        where it was captured, when known
 * @param deviceReview    review status of the capturing device
 * @param clockErrorPer24h the device's measured clock error per 24 hours, when known (absolute value)
 * @param facts           named facts for the rules; keys are identifiers, values plain text (sorted)
 */
public record ItemSpec(ItemKind kind, String mediaType, Instant capturedAt, String capturedBy,
        Optional<GeoPoint> location, DeviceReview deviceReview, Optional<Duration> clockErrorPer24h,
        Map<String, String> facts) {

    /** Fact: {@code "true"} when the still shows a legible plate. */
    public static final String PLATE_LEGIBLE = "plateLegible";
    /** Fact: {@code "true"} when the vehicle was stationary in the still. */
    public static final String STATIONARY = "stationary";
    /** Fact: ISO-8601 instant the SMS was sent. */
    public static final String SMS_SENT_AT = "smsSentAt";
    /** Fact: ISO-8601 instant of the SMS delivery receipt. */
    public static final String SMS_DELIVERED_AT = "smsDeliveredAt";
    /** Fact: {@code "true"} when a statement or side evidence identifies the party. */
    public static final String IDENTIFIES_PARTY = "identifiesParty";
    /** Fact: the kind of agency record, e.g. {@code PLANNING}, {@code VEHICLE_REGISTRATION}. */
    public static final String RECORD_TYPE = "recordType";
    /** Fact: the witness id of a statement (see {@link WitnessRegistry}). */
    public static final String WITNESS_ID = "witnessId";
    /** Fact: the subject (normalised plate, tracker id, site id). */
    public static final String SUBJECT = "subject";
    /** Fact: the source of a GPS track or still, e.g. {@code SITE_CAMERA}. */
    public static final String SOURCE = "source";

    private static final Pattern FACT_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");

    public ItemSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(capturedBy, "capturedBy");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(deviceReview, "deviceReview");
        Objects.requireNonNull(clockErrorPer24h, "clockErrorPer24h");
        Objects.requireNonNull(facts, "facts");
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new EvidenceException("mediaType must look like \"type/subtype\" in lower case, was \""
                    + mediaType + "\"");
        }
        if (capturedBy.isBlank()) {
            throw new EvidenceException("capturedBy must name the device or officer, was blank");
        }
        clockErrorPer24h.ifPresent(d -> {
            if (d.isNegative()) {
                throw new EvidenceException("clockErrorPer24h is an absolute error and must be >= 0, was " + d);
            }
        });
        TreeMap<String, String> copy = new TreeMap<>();
        facts.forEach((k, v) -> {
            Objects.requireNonNull(k, "fact key");
            Objects.requireNonNull(v, "fact value of " + k);
            if (!FACT_KEY.matcher(k).matches()) {
                throw new EvidenceException("fact key must be an identifier (letter, then letters, digits, "
                        + "'_', '.', '-'; at most 64), was \"" + k + "\"");
            }
            copy.put(k, v);
        });
        facts = Collections.unmodifiableMap(copy);
    }

    /** The value of a fact, if present. */
    public Optional<String> fact(String key) {
        return Optional.ofNullable(facts.get(key));
    }

    /** Whether a fact is present with the value {@code "true"}. */
    public boolean isTrue(String key) {
        return "true".equals(facts.get(key));
    }

    /** A copy of this spec with one fact added or replaced. */
    public ItemSpec withFact(String key, String value) {
        Map<String, String> f = new TreeMap<>(facts);
        f.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new ItemSpec(kind, mediaType, capturedAt, capturedBy, location, deviceReview, clockErrorPer24h, f);
    }

    /** Starts a spec with the fields every item has. */
    public static Builder builder(ItemKind kind, String mediaType, Instant capturedAt, String capturedBy) {
        return new Builder(kind, mediaType, capturedAt, capturedBy);
    }

    /** Builds an {@link ItemSpec}; each setter rejects bad input at once. */
    public static final class Builder {
        private final ItemKind kind;
        private final String mediaType;
        private final Instant capturedAt;
        private final String capturedBy;
        private GeoPoint location;
        private DeviceReview review = DeviceReview.UNKNOWN;
        private Duration clockError;
        private final Map<String, String> facts = new TreeMap<>();

        private Builder(ItemKind kind, String mediaType, Instant capturedAt, String capturedBy) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
            this.capturedAt = Objects.requireNonNull(capturedAt, "capturedAt");
            this.capturedBy = Objects.requireNonNull(capturedBy, "capturedBy");
        }

        /** Where the item was captured (WGS-84). */
        public Builder location(GeoPoint location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        /** The capturing device's review status. */
        public Builder deviceReview(DeviceReview review) {
            this.review = Objects.requireNonNull(review, "review");
            return this;
        }

        /** The device's measured clock error per 24 hours (absolute). */
        public Builder clockErrorPer24h(Duration error) {
            Objects.requireNonNull(error, "error");
            if (error.isNegative()) {
                throw new EvidenceException("clockErrorPer24h must be >= 0, was " + error);
            }
            this.clockError = error;
            return this;
        }

        /** Adds a named fact (see the constants on {@link ItemSpec}). */
        public Builder fact(String key, String value) {
            facts.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Marks whether the plate is legible in this still. */
        public Builder plateLegible(boolean legible) {
            return fact(PLATE_LEGIBLE, Boolean.toString(legible));
        }

        /** Marks whether the vehicle was stationary in this still. */
        public Builder stationary(boolean stationary) {
            return fact(STATIONARY, Boolean.toString(stationary));
        }

        /** Records an SMS's send time and delivery receipt time. */
        public Builder sms(Instant sentAt, Instant deliveredAt) {
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(deliveredAt, "deliveredAt");
            fact(SMS_SENT_AT, sentAt.toString());
            return fact(SMS_DELIVERED_AT, deliveredAt.toString());
        }

        /** The subject: normalised plate, tracker or site id. */
        public Builder subject(String subject) {
            return fact(SUBJECT, subject);
        }

        /** Builds the spec. */
        public ItemSpec build() {
            return new ItemSpec(kind, mediaType, capturedAt, capturedBy, Optional.ofNullable(location), review,
                    Optional.ofNullable(clockError), facts);
        }
    }
}
