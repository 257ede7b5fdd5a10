package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.Objects;

/**
 * 0x8100 terminal registration response (终端注册应答).
 *
 * @param header         header with message id 0x8100
 * @param answeredSerial serial number of the registration answered
 * @param result         the outcome
 * @param authCode       the auth code (鉴权码) the terminal must authenticate with; non-empty exactly on SUCCESS
 */
public record RegistrationResponse(Jt808Header header, int answeredSerial, RegistrationResult result,
                                   String authCode) implements Jt808Message {
    public RegistrationResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(authCode, "authCode");
        Jt808Messages.requireId(header, REGISTRATION_RESPONSE, "RegistrationResponse");
        Jt808Messages.requireRange("answeredSerial", answeredSerial, 0, 0xFFFF);
        Jt808Messages.requireText("authCode", authCode, 1000);
        if (authCode.isEmpty() == (result == RegistrationResult.SUCCESS)) {
            throw new InvalidValueException("authCode must be non-empty exactly when the result is SUCCESS, was '"
                    + authCode + "' with " + result);
        }
    }
}
