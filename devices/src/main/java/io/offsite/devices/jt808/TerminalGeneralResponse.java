package io.offsite.devices.jt808;

import java.util.Objects;

/**
 * 0x0001 terminal general response (终端通用应答) to a platform message.
 *
 * @param header         header with message id 0x0001
 * @param answeredSerial serial number of the platform message answered (应答流水号)
 * @param answeredId     message id of the platform message answered (应答ID)
 * @param result         OK, FAILURE, BAD_MESSAGE or UNSUPPORTED
 */
public record TerminalGeneralResponse(Jt808Header header, int answeredSerial, int answeredId, Jt808Result result)
        implements Jt808Message {
    public TerminalGeneralResponse {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(result, "result");
        Jt808Messages.requireId(header, TERMINAL_GENERAL_RESPONSE, "TerminalGeneralResponse");
        Jt808Messages.requireRange("answeredSerial", answeredSerial, 0, 0xFFFF);
        Jt808Messages.requireRange("answeredId", answeredId, 0, 0xFFFF);
        Jt808Messages.requireRange("result", result.code(), 0, 3);
    }
}
