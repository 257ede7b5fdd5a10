package io.offsite.devices.jt808;

import java.util.Objects;

/**
 * 0x0100 terminal registration (终端注册). Text is GBK on the wire; the fixed-width fields are 0x00-padded and
 * their widths depend on the edition: maker id 5 / 11 bytes, model 20 / 30, terminal id 7 / 30 (2013 / 2019).
 *
 * @param header     header with message id 0x0100
 * @param province   province id (省域ID) per GB/T 2260, e.g. 33 for Zhejiang
 * @param city       city/county id (市县域ID), e.g. 1003 for Huangyan (331003)
 * @param makerId    manufacturer id (制造商ID)
 * @param model      terminal model (终端型号)
 * @param terminalId terminal id (终端ID)
 * @param plateColor plate colour (车牌颜色) per JT/T 697.7: 0 no plate, 1 blue, 2 yellow, 3 black, 4 white,
 *                   9 other
 * @param plate      plate (车牌) such as {@code 浙J·A1234}, or the VIN when {@code plateColor} is 0
 */
public record TerminalRegistration(Jt808Header header, int province, int city, String makerId, String model,
                                   String terminalId, int plateColor, String plate) implements Jt808Message {
    public TerminalRegistration {
        Objects.requireNonNull(header, "header");
        Jt808Messages.requireId(header, TERMINAL_REGISTRATION, "TerminalRegistration");
        Jt808Messages.requireRange("province", province, 0, 0xFFFF);
        Jt808Messages.requireRange("city", city, 0, 0xFFFF);
        Jt808Messages.requireRange("plateColor", plateColor, 0, 0xFF);
        boolean v2019 = header.version() == Jt808Version.V2019;
        Jt808Messages.requireText("makerId", Objects.requireNonNull(makerId, "makerId"), v2019 ? 11 : 5);
        Jt808Messages.requireText("model", Objects.requireNonNull(model, "model"), v2019 ? 30 : 20);
        Jt808Messages.requireText("terminalId", Objects.requireNonNull(terminalId, "terminalId"), v2019 ? 30 : 7);
        Jt808Messages.requireText("plate", Objects.requireNonNull(plate, "plate"), 255);
    }
}
