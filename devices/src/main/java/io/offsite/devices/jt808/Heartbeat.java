package io.offsite.devices.jt808;

import java.util.Objects;

/**
 * 0x0002 terminal heartbeat (终端心跳), an empty body; the platform answers with a general response.
 *
 * @param header header with message id 0x0002
 */
public record Heartbeat(Jt808Header header) implements Jt808Message {
    public Heartbeat {
        Objects.requireNonNull(header, "header");
        Jt808Messages.requireId(header, HEARTBEAT, "Heartbeat");
    }
}
