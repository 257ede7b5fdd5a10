package io.offsite.geofence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera's GB/T 28181 device id. The raw id is always kept as given (trimmed); {@link #parts()} parses the
 * standard 20-digit layout leniently — 8-digit administrative division, 2-digit industry, 3-digit type,
 * network digit (the 14th digit: 0–4 private video network, 5 public security, 6 government, 7 internet,
 * 8 social resources) and 6-digit serial — and is empty for ids that do not follow it.
 *
 * @param raw the device id as delivered, non-blank
 */
public record CameraId(String raw) {
    public CameraId {
        if (raw == null || raw.isBlank()) {
            throw new GeofenceException("camera id must be non-blank, was " + (raw == null ? "null" : "\"" + raw + "\""));
        }
        raw = raw.strip();
    }

    /** Shortcut for {@code new CameraId(raw)}. */
    public static CameraId of(String raw) {
        return new CameraId(raw);
    }

    /** The parsed parts, when the raw id is exactly 20 ASCII digits. */
    public Optional<Parts> parts() {
        if (raw.length() != 20) {
            return Optional.empty();
        }
        for (int i = 0; i < 20; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(new Parts(raw.substring(0, 8), raw.substring(8, 10), raw.substring(10, 13),
                raw.charAt(13) - '0', raw.substring(14, 20)));
    }

    /**
     * This camera's alarm time, sent as local wall-clock time with no zone, as an instant: {@code localTime}
     * is read in {@code cameraZone} (the zone the camera's clock is set to, e.g. Asia/Shanghai). A time that
     * occurs twice (clocks set back) takes the earlier offset; a time that does not exist (clocks set forward)
     * is rejected, since no instant corresponds to it.
     *
     * @throws GeofenceException naming the camera, the time and the zone when the time does not exist there, or
     *         when the instant is outside {@link EventTimes}
     */
    public Instant alarmInstant(LocalDateTime localTime, ZoneId cameraZone) {
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(cameraZone, "cameraZone");
        ZonedDateTime z = ZonedDateTime.ofLocal(localTime, cameraZone, null);
        if (!z.toLocalDateTime().equals(localTime)) {
            throw new GeofenceException("camera " + raw + ": alarm time " + localTime + " does not exist in "
                    + cameraZone + " (clocks were set forward)");
        }
        Instant at;
        try {
            at = z.toInstant();
        } catch (java.time.DateTimeException e) {
            at = null; // beyond Instant's range (LocalDateTime.MAX/MIN with an offset)
        }
        if (at == null || !EventTimes.contains(at)) {
            throw new GeofenceException("camera " + raw + ": alarm time " + localTime + " in " + cameraZone
                    + " is outside the supported event-time range " + EventTimes.range());
        }
        return at;
    }

    /**
     * Like {@link #alarmInstant(LocalDateTime, ZoneId)} for the text form devices send: ISO local date-time
     * ({@code 2026-11-02T08:00:00}, fractions allowed), also with a space instead of the {@code T}.
     *
     * @throws GeofenceException naming the camera and the text when it is not such a time, or does not exist
     */
    public Instant alarmInstant(String localTime, ZoneId cameraZone) {
        Objects.requireNonNull(localTime, "localTime");
        String text = localTime.strip();
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        LocalDateTime t;
        try {
            t = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new GeofenceException("camera " + raw + ": alarm time \"" + localTime
                    + "\" is not a local date-time like 2026-11-02T08:00:00", e);
        }
        return alarmInstant(t, cameraZone);
    }

    @Override
    public String toString() {
        return raw;
    }

    /**
     * Parts of a 20-digit device id.
     *
     * @param divisionCode administrative division (行政区划), 8 digits
     * @param industryCode industry code, 2 digits
     * @param typeCode     device type, 3 digits (e.g. 131/132 camera, 200 SIP platform)
     * @param network      network digit 0–9
     * @param serial       serial number, 6 digits
     */
    public record Parts(String divisionCode, String industryCode, String typeCode, int network, String serial) {
        /** True when the type code is one of the usual camera codes (131, 132). */
        public boolean isCamera() {
            return typeCode.equals("131") || typeCode.equals("132");
        }
    }
}
