package io.offsite.core.deadline;

/** Ways of serving a document (送达), in ladder order. */
public enum ServiceMethod {
    /** Handed to the party, who signs (直接送达); effective on signature. */
    DIRECT,
    /** Left at the residence with a witness or on video (留置送达); effective when left. */
    LEFT_AT_RESIDENCE,
    /** Electronic, only with the party's signed consent; effective on arrival. */
    ELECTRONIC,
    /** By post; effective on receipt, or on return when a service-address confirmation was signed. */
    MAIL,
    /** Public notice (公告) when other methods fail; deemed served after the notice period. */
    PUBLIC_NOTICE
}
