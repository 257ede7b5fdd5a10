package io.offsite.devices;

import io.offsite.core.InvalidValueException;
import io.offsite.core.geo.GeoPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Hikvision ISAPI {@code EventNotificationAlert}, as {@link IsapiParser} read it. Only {@code dateTime},
 * {@code eventType} and {@code eventState} are required; everything else is optional because firmware versions
 * differ. Every element (and attribute) this record does not name is kept in {@link #extra()} under its path below
 * the root, so nothing the device sent is dropped.
 *
 * @param namespace        the root element's namespace URI ({@code http://www.hikvision.com/ver20/XMLSchema},
 *                         {@code http://www.isapi.org/ver20/XMLSchema}, ...), {@code ""} when none
 * @param ipAddress        {@code ipAddress} of the device, when sent
 * @param portNo           {@code portNo}, when sent
 * @param protocol         {@code protocol} ({@code HTTP}, {@code HTTPS}, {@code EHome}), when sent
 * @param macAddress       {@code macAddress}, when sent
 * @param channelId        {@code channelID}, else {@code dynChannelID}, when sent
 * @param channelName      {@code channelName} (often the site name, e.g. {@code 西城街-球机01}), when sent
 * @param dateTime         {@code dateTime}, the event time from the device
 * @param utcOffset        the offset the device wrote in {@code dateTime} (or the parser's assumed zone's offset)
 * @param activePostCount  {@code activePostCount} (how many times this alarm was sent), when sent
 * @param eventType        {@code eventType} as sent ({@code ANPR}, {@code VMD}, {@code fielddetection}, ...)
 * @param eventState       {@code eventState}
 * @param eventDescription {@code eventDescription}, when sent
 * @param uuid             {@code UUID} (a per-alarm id some firmware sends: an idempotency key), when sent
 * @param retransmission   {@code isDataRetransmission}: {@code true} when the device re-sends a stored alarm
 * @param anpr             the {@code ANPR} block, when present
 * @param regions          {@code DetectionRegionList} entries, in order (may be empty)
 * @param gps              {@code DeviceGPSInfo} as WGS-84 decimal degrees, when sent
 * @param extra            every other element's text (and every attribute) by path below the root, e.g.
 *                         {@code ANPR/vehicleInfo/color} or {@code @version}; repeated siblings get a 1-based index
 *                         ({@code ANPR/pictureInfoList/pictureInfo[2]/dataType}); in document order
 */
public record IsapiAlert(String namespace, Optional<String> ipAddress, OptionalInt portNo, Optional<String> protocol,
        Optional<String> macAddress, Optional<String> channelId, Optional<String> channelName, Instant dateTime,
        ZoneOffset utcOffset, OptionalInt activePostCount, String eventType, EventState eventState,
        Optional<String> eventDescription, Optional<String> uuid, boolean retransmission, Optional<AnprRead> anpr,
        List<DetectionRegion> regions, Optional<GeoPoint> gps, Map<String, String> extra) {
    public IsapiAlert {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(portNo, "portNo");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(macAddress, "macAddress");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(utcOffset, "utcOffset");
        Objects.requireNonNull(activePostCount, "activePostCount");
        Objects.requireNonNull(eventType, "eventType");
        if (eventType.isBlank()) {
            throw new InvalidValueException("eventType must not be blank");
        }
        Objects.requireNonNull(eventState, "eventState");
        Objects.requireNonNull(eventDescription, "eventDescription");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(anpr, "anpr");
        regions = List.copyOf(regions);
        Objects.requireNonNull(gps, "gps");
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /**
     * Whether this is the device's keep-alive: Hikvision devices send {@code eventType videoloss} with
     * {@code eventState inactive} every few seconds while the alarm link is up.
     */
    public boolean isHeartbeat() {
        return eventState == EventState.INACTIVE && eventType.equalsIgnoreCase("videoloss");
    }

    /** The {@link IsapiEventKind} of {@link #eventType()} ({@link IsapiEventKind#OTHER} for types not listed there). */
    public IsapiEventKind kind() {
        return IsapiEventKind.of(eventType);
    }

    /** Lower-cased {@link #eventType()}, for comparisons that should not depend on the firmware's spelling. */
    public String eventTypeKey() {
        return eventType.toLowerCase(Locale.ROOT);
    }
}
