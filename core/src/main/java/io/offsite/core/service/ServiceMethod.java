package io.offsite.core.service;

/** Ways of serving a document (送达), CPL Arts. 87–95 as applied to administrative penalties. */
public enum ServiceMethod {
    /** Handed to the party, who signs the service receipt (直接送达); effective on signature. */
    DIRECT,
    /**
     * Left at the residence (留置送达) after a recorded refusal, with a witness's signature or a photo/video
     * record of the leaving (CPL Art. 89); effective when left.
     */
    LEFT_AT_RESIDENCE,
    /** Electronic (电子送达), only with the party's recorded consent for that address; effective on arrival (Art. 90). */
    ELECTRONIC,
    /**
     * Video service (视频送达): with the party's consent, an identity check and the recorded session as proof;
     * effective at the end of the session.
     */
    VIDEO,
    /** By post (邮寄送达); effective on receipt, or on return to a confirmed service address. */
    MAIL,
    /** Public notice (公告送达) after other methods failed or the whereabouts are unknown; deemed served after 30 days (Art. 95). */
    PUBLIC_NOTICE
}
