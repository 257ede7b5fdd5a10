package io.offsite.cases.penalty;

/** Who is penalised: a natural person or an organisation (法人或者其他组织); statutory ranges differ. */
public enum PartyType {
    /** A natural person (个人). */
    PERSON,
    /** A legal person or other organisation (单位). */
    ORGANISATION
}
