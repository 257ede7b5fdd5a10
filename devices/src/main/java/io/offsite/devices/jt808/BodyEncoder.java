package io.offsite.devices.jt808;

import java.time.LocalDateTime;

/** Writes the body of a message; the records have already checked every value fits its field. */
final class BodyEncoder {
    private BodyEncoder() {
    }

    static void encode(Jt808Message m, WireOut out) {
        if (m instanceof LocationReport r) {
            location(r.location(), out);
        } else if (m instanceof BatchLocationUpload b) {
            out.u16(b.locations().size()).u8(b.type().ordinal());
            for (Location l : b.locations()) {
                WireOut one = new WireOut();
                location(l, one);
                out.u16(one.size()).bytes(one.array(), 0, one.size());
            }
        } else if (m instanceof TerminalRegistration r) {
            boolean v2019 = r.header().version() == Jt808Version.V2019;
            out.u16(r.province()).u16(r.city()).text(r.makerId(), v2019 ? 11 : 5).text(r.model(), v2019 ? 30 : 20)
                    .text(r.terminalId(), v2019 ? 30 : 7).u8(r.plateColor()).text(r.plate(), 0);
        } else if (m instanceof TerminalAuthentication a) {
            if (a.header().version() == Jt808Version.V2013) {
                out.text(a.authCode(), 0);
            } else {
                byte[] code = a.authCode().getBytes(Jt808Messages.GBK);
                out.u8(code.length).bytes(code).text(a.imei(), 15).text(a.softwareVersion(), 20);
            }
        } else if (m instanceof TerminalGeneralResponse r) {
            out.u16(r.answeredSerial()).u16(r.answeredId()).u8(r.result().code());
        } else if (m instanceof PlatformGeneralResponse r) {
            out.u16(r.answeredSerial()).u16(r.answeredId()).u8(r.result().code());
        } else if (m instanceof RegistrationResponse r) {
            out.u16(r.answeredSerial()).u8(r.result().code()).text(r.authCode(), 0);
        } else if (m instanceof UnknownMessage u) {
            out.bytes(u.body());
        } else if (m instanceof SubPackage p) {
            out.bytes(p.bodyNoCopy());
        }
        // Heartbeat: empty body
    }

    static void location(Location l, WireOut out) {
        LocalDateTime t = LocalDateTime.ofInstant(l.time(), Location.BEIJING);
        out.u32(l.alarm() & 0xFFFFFFFFL).u32(l.status() & 0xFFFFFFFFL)
                .u32(Math.round(Math.abs(l.latitude()) * 1e6)).u32(Math.round(Math.abs(l.longitude()) * 1e6))
                .u16(l.altitudeMeters() & 0xFFFF).u16((int) Math.round(l.speedKmh() * 10)).u16(l.heading())
                .u8(bcd(t.getYear() - 2000)).u8(bcd(t.getMonthValue())).u8(bcd(t.getDayOfMonth()))
                .u8(bcd(t.getHour())).u8(bcd(t.getMinute())).u8(bcd(t.getSecond()));
        for (AdditionalItem item : l.items()) {
            out.u8(item.id()).u8(item.length()).bytes(item.value());
        }
    }

    private static int bcd(int v) {
        return (v / 10) << 4 | v % 10;
    }
}
