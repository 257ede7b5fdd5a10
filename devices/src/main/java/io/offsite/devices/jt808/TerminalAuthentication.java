package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.Objects;

/**
 * 0x0102 terminal authentication (终端鉴权): the auth code the platform issued at registration; the 2019 edition
 * adds the IMEI (15 bytes) and the software version (20 bytes, 0x00-padded).
 *
 * @param header          header with message id 0x0102
 * @param authCode        auth code (鉴权码), GBK text
 * @param imei            terminal IMEI for 2019, empty for 2013
 * @param softwareVersion terminal software version (软件版本号) for 2019, empty for 2013
 */
public record TerminalAuthentication(Jt808Header header, String authCode, String imei, String softwareVersion)
        implements Jt808Message {
    public TerminalAuthentication {
        Objects.requireNonNull(header, "header");
        Jt808Messages.requireId(header, TERMINAL_AUTHENTICATION, "TerminalAuthentication");
        boolean v2019 = header.version() == Jt808Version.V2019;
        Jt808Messages.requireText("authCode", Objects.requireNonNull(authCode, "authCode"), v2019 ? 255 : 1000);
        Jt808Messages.requireText("imei", Objects.requireNonNull(imei, "imei"), v2019 ? 15 : 0);
        Jt808Messages.requireText("softwareVersion", Objects.requireNonNull(softwareVersion, "softwareVersion"),
                v2019 ? 20 : 0);
        if (!v2019 && !(imei.isEmpty() && softwareVersion.isEmpty())) {
            throw new InvalidValueException("a 2013 authentication has no IMEI or software version");
        }
    }

    /** A 2013 authentication carrying only the auth code. */
    public static TerminalAuthentication of(Jt808Header header, String authCode) {
        return new TerminalAuthentication(header, authCode, "", "");
    }
}
