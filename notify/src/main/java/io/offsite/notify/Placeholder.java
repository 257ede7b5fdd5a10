package io.offsite.notify;

import java.util.Arrays;
import java.util.Optional;

/** The named placeholders a {@link MessageTemplate} may use, written {@code {plate}}, {@code {caseNo}} etc. */
public enum Placeholder {
    /** The vehicle plate (车牌). */
    PLATE("plate"),
    /** A place name (地点), e.g. the fence's road section. */
    PLACE("place"),
    /** A deadline (期限): for the owner SMS the move window's length ("10分钟"), which runs from delivery. */
    DEADLINE("deadline"),
    /** The officer's name or badge (执法人员). */
    OFFICER("officer"),
    /** The case or episode number (案件编号). */
    CASE_NO("caseNo");

    private final String token;

    Placeholder(String token) {
        this.token = token;
    }

    /** The name written between braces in a template. */
    public String token() {
        return token;
    }

    /** The placeholder written {@code {token}}, if there is one. */
    public static Optional<Placeholder> byToken(String token) {
        return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
    }
}
