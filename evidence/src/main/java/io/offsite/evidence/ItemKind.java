package io.offsite.evidence;

/** What an evidence item is. The names are stable: they appear in manifests and rule files. */
public enum ItemKind {
    /** A still image from a fixed camera (抓拍图片). */
    STILL,
    /** A video clip (视频). */
    VIDEO_CLIP,
    /** An image taken by a drone patrol (无人机影像). */
    DRONE_IMAGE,
    /** A GPS track, e.g. a construction-waste truck's JT/T 808 positions (轨迹). */
    GPS_TRACK,
    /** A record of an SMS sent to the party, with its send time and delivery receipt (短信记录). */
    SMS_RECORD,
    /** A record of a loudspeaker warning (喊话记录). */
    VOICE_WARNING_RECORD,
    /** A witness's statement (证人证言); the witness's personal data stay in the witness registry. */
    WITNESS_STATEMENT,
    /** Side evidence from a property-management company (物业佐证). */
    PROPERTY_SIDE_EVIDENCE,
    /** An agency record: household, land, business or vehicle registration, planning (部门档案). */
    AGENCY_RECORD,
    /** An on-site inspection record (勘验/检查笔录). */
    INSPECTION_RECORD,
    /** A service receipt (送达回证). */
    SERVICE_RECEIPT
}
