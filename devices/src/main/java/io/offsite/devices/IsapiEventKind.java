package io.offsite.devices;

import java.util.Locale;

/**
 * The ISAPI {@code eventType} values OffSite acts on, from Hikvision's published event type list (the
 * {@code EventTrigger} remarks of the ISAPI developer guides); any other value maps to {@link #OTHER} and is still
 * available verbatim as {@link IsapiAlert#eventType()}. The guides name no dedicated "illegal parking" alert type for
 * ordinary cameras: parking violations arrive as {@link #PARKING} (behaviour analysis "parking detection") or inside
 * a traffic-enforcement {@link #TFS} alert.
 */
public enum IsapiEventKind {
    /** {@code ANPR}: a licence plate read. */
    ANPR("anpr"),
    /** {@code VMD}: video motion detection. */
    MOTION("vmd"),
    /** {@code videoloss}: video loss; {@code inactive} ones are heartbeats ({@link IsapiAlert#isHeartbeat()}). */
    VIDEO_LOSS("videoloss"),
    /** {@code fielddetection}: intrusion into a region. */
    FIELD_DETECTION("fielddetection"),
    /** {@code linedetection}: line crossing. */
    LINE_DETECTION("linedetection"),
    /** {@code regionEntrance}: entering a region. */
    REGION_ENTRANCE("regionentrance"),
    /** {@code regionExiting}: leaving a region. */
    REGION_EXITING("regionexiting"),
    /** {@code parking}: behaviour-analysis parking detection (a vehicle stopped in a watched region). */
    PARKING("parking"),
    /** {@code TFS}: traffic enforcement alarm (violation type inside the {@code TFS} block, kept in extra). */
    TFS("tfs"),
    /** Any other event type. */
    OTHER("");

    private final String key;

    IsapiEventKind(String key) {
        this.key = key;
    }

    /** The kind of an {@code eventType} string, compared without regard to case; {@link #OTHER} when not listed. */
    public static IsapiEventKind of(String eventType) {
        String k = eventType.toLowerCase(Locale.ROOT);
        for (IsapiEventKind kind : values()) {
            if (kind != OTHER && kind.key.equals(k)) {
                return kind;
            }
        }
        return OTHER;
    }
}
