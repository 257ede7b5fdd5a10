package io.offsite.devices.jt808;

/** The result byte of a general response (通用应答结果), 0x0001 from the terminal or 0x8001 from the platform. */
public enum Jt808Result {
    /** 0: success / acknowledged (成功/确认). */
    OK,
    /** 1: failure (失败). */
    FAILURE,
    /** 2: message in error (消息有误). */
    BAD_MESSAGE,
    /** 3: not supported (不支持). */
    UNSUPPORTED,
    /** 4: alarm handling acknowledged (报警处理确认); platform responses only. */
    ALARM_ACK;

    /** The byte on the wire, the ordinal. */
    public int code() {
        return ordinal();
    }
}
