package io.offsite.devices.jt808;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

/** Huangyan sample messages: terminal 013305760001 on a 浙J muck truck near 121.26E 28.64N, times in 2026. */
final class Jt808Samples {
    static final String PHONE = "013305760001";
    static final String PLATE = "浙J·A3071";

    private Jt808Samples() {
    }

    static Jt808Header header(int id, Jt808Version v, int serial) {
        return Jt808Header.of(id, v, PHONE, serial);
    }

    static Instant beijing(int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(2026, month, day, hour, minute, second).toInstant(Location.BEIJING);
    }

    /** ACC on, positioned, mileage 123.4 km, signal 31, 12 satellites. */
    static Location location() {
        return new Location(0, 0b11, 28.640126, 121.26, 12, 45.0, 90, beijing(3, 15, 8, 30, 0), List.of(
                new AdditionalItem(0x01, new byte[] {0, 0, 0x04, (byte) 0xD2}),
                new AdditionalItem(0x30, new byte[] {0x1F}), new AdditionalItem(0x31, new byte[] {0x0C})));
    }

    static LocationReport report(Jt808Version v, int serial) {
        return new LocationReport(header(Jt808Message.LOCATION_REPORT, v, serial), location());
    }

    static TerminalRegistration registration(Jt808Version v, int serial) {
        return new TerminalRegistration(header(Jt808Message.TERMINAL_REGISTRATION, v, serial), 33, 1003,
                v == Jt808Version.V2019 ? "7003311" : "70033", v == Jt808Version.V2019 ? "HY-ZT808-2019" : "ZT808",
                v == Jt808Version.V2019 ? "HYT0001A" : "T0001A", 2, PLATE);
    }

    static TerminalAuthentication authentication(Jt808Version v, int serial, String code) {
        Jt808Header h = header(Jt808Message.TERMINAL_AUTHENTICATION, v, serial);
        return v == Jt808Version.V2019 ? new TerminalAuthentication(h, code, "866123045678901", "HY808 V2.3.1")
                : TerminalAuthentication.of(h, code);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
