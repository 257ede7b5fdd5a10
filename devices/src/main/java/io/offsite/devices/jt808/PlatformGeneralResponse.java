package io.offsite.devices.jt808;

import java.util.Objects;

/**
 * 0x8001 platform general response (平台通用应答) to a terminal message.
 *
 * @param header         header with message id 0x8001
 * @param answeredSerial serial number of the terminal message answered (应答流水号)
 * @param answeredId     message id of the terminal message answered (应答ID)
 * @param result         the result
 */
public record PlatformGeneralResponse(Jt808Header header, int answeredSerial, int answeredId, Jt808Result result)
        implements Jt808Message {
    public PlatformGeneralResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(result, "result");
        Jt808Messages.requireId(header, PLATFORM_GENERAL_RESPONSE, "PlatformGeneralResponse");
        Jt808Messages.requireRange("answeredSerial", answeredSerial, 0, 0xFFFF);
        Jt808Messages.requireRange("answeredId", answeredId, 0, 0xFFFF);
    }
}
