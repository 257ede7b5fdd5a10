package io.offsite.notify;

/** The rungs of the document-service ladder (送达方式), DOMAIN.md §4, in their usual order. */
public enum ServiceMethod {
    /** Handed to the party, who signs the service receipt (直接送达); effective when signed. */
    DIRECT,
    /** Left at the residence after a refusal, with a witness or on video (留置送达); effective when left. */
    LEFT_AT_RESIDENCE,
    /** Sent electronically, only with the party's signed consent (电子送达); effective on arrival. */
    ELECTRONIC,
    /** Posted (邮寄送达); effective on receipt, or on return when a signed address confirmation covers the address. */
    MAIL,
    /** Public notice (公告送达); deemed served a set number of calendar days after publication (default 30). */
    PUBLIC_NOTICE
}
