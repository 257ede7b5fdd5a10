package io.offsite.devices.jt808;

/**
 * One JT/T 808 message, decoded from or encoded to a frame by {@link Jt808Codec}. Terminal messages (终端消息):
 * {@link LocationReport}, {@link BatchLocationUpload}, {@link TerminalRegistration},
 * {@link TerminalAuthentication}, {@link Heartbeat}, {@link TerminalGeneralResponse}; platform messages (平台消息):
 * {@link PlatformGeneralResponse}, {@link RegistrationResponse}; any other id is an {@link UnknownMessage} with its
 * raw body, and one piece of a split message is a {@link SubPackage} until {@link Jt808Reassembler} joins it.
 */
public sealed interface Jt808Message permits LocationReport, BatchLocationUpload, TerminalRegistration,
        TerminalAuthentication, Heartbeat, TerminalGeneralResponse, PlatformGeneralResponse, RegistrationResponse,
        UnknownMessage, SubPackage {
    /** 0x0001 terminal general response (终端通用应答). */
    int TERMINAL_GENERAL_RESPONSE = 0x0001;
    /** 0x0002 terminal heartbeat (终端心跳). */
    int HEARTBEAT = 0x0002;
    /** 0x0100 terminal registration (终端注册). */
    int TERMINAL_REGISTRATION = 0x0100;
    /** 0x0102 terminal authentication (终端鉴权). */
    int TERMINAL_AUTHENTICATION = 0x0102;
    /** 0x0200 location report (位置信息汇报). */
    int LOCATION_REPORT = 0x0200;
    /** 0x0704 batch upload of locations (定位数据批量上传). */
    int BATCH_LOCATION_UPLOAD = 0x0704;
    /** 0x8001 platform general response (平台通用应答). */
    int PLATFORM_GENERAL_RESPONSE = 0x8001;
    /** 0x8100 terminal registration response (终端注册应答). */
    int REGISTRATION_RESPONSE = 0x8100;

    /** The header the message travels with; its message id matches the record type. */
    Jt808Header header();
}
