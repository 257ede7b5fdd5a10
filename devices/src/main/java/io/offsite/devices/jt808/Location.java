package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The location information (位置信息) of a {@link LocationReport} or of one item of a {@link BatchLocationUpload}:
 * the basic fields and the additional items in the order received.
 *
 * @param alarm        alarm flag bits (报警标志), e.g. bit 0 emergency, bit 1 overspeed
 * @param status       status bits (状态): bit 0 ACC on, bit 1 positioned, bit 2 south latitude, bit 3 west
 *                     longitude, ...
 * @param latitude     degrees, negative when {@link #southLatitude()}; the wire carries millionths of a degree
 * @param longitude    degrees, negative when {@link #westLongitude()}; millionths of a degree on the wire
 * @param altitudeMeters altitude (高程) in metres, -32768..32767 (the WORD read as signed)
 * @param speedKmh     speed in km/h, 0..6553.5 in steps of 0.1 (the wire carries 1/10 km/h)
 * @param heading      direction (方向) in degrees clockwise from north, 0..359
 * @param time         fix time; the wire carries BCD {@code YYMMDDhhmmss} in UTC+8 (Beijing time), whole seconds,
 *                     years 2000..2099
 * @param items        additional information items (位置附加信息项), in order
 */
public record Location(int alarm, int status, double latitude, double longitude, int altitudeMeters,
                       double speedKmh, int heading, Instant time, List<AdditionalItem> items) {
    /** UTC+8, the zone of JT/T 808 times. */
    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final long FIRST_SECOND = LocalDateTime.of(2000, 1, 1, 0, 0).toEpochSecond(BEIJING);
    private static final long LAST_SECOND = LocalDateTime.of(2099, 12, 31, 23, 59, 59).toEpochSecond(BEIJING);

    public Location {
        Objects.requireNonNull(time, "time");
        items = List.copyOf(items);
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
            throw new InvalidValueException("latitude " + latitude + " must be within ±90 and longitude "
                    + longitude + " within ±180");
        }
        if (latitude != 0 && (latitude < 0) != ((status & 4) != 0)) {
            throw new InvalidValueException("latitude " + latitude + " disagrees with the south-latitude status bit");
        }
        if (longitude != 0 && (longitude < 0) != ((status & 8) != 0)) {
            throw new InvalidValueException("longitude " + longitude + " disagrees with the west-longitude status bit");
        }
        Jt808Messages.requireRange("altitudeMeters", altitudeMeters, Short.MIN_VALUE, Short.MAX_VALUE);
        if (!(speedKmh >= 0 && speedKmh <= 6553.5)) {
            throw new InvalidValueException("speedKmh " + speedKmh + " outside 0..6553.5");
        }
        Jt808Messages.requireRange("heading", heading, 0, 359);
        long epoch = time.getEpochSecond();
        if (time.getNano() != 0 || epoch < FIRST_SECOND || epoch > LAST_SECOND) {
            throw new InvalidValueException("time " + time + " must be whole seconds in 2000..2099 (UTC+8)");
        }
    }

    /** Status bit 0: ACC (ignition) on. */
    public boolean accOn() {
        return (status & 1) != 0;
    }

    /** Status bit 1: the fix is valid (定位). */
    public boolean positioned() {
        return (status & 2) != 0;
    }

    /** Status bit 2: south latitude; {@link #latitude()} is then negative. */
    public boolean southLatitude() {
        return (status & 4) != 0;
    }

    /** Status bit 3: west longitude; {@link #longitude()} is then negative. */
    public boolean westLongitude() {
        return (status & 8) != 0;
    }

    /** Alarm bit 0: emergency alarm (紧急报警), the driver pressed the button. */
    public boolean emergencyAlarm() {
        return (alarm & 1) != 0;
    }

    /** Alarm bit 1: overspeed alarm (超速报警). */
    public boolean overspeedAlarm() {
        return (alarm & 2) != 0;
    }
}
