package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.DeviceMessageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Decodes the body of a whole message by its id; every failure is a {@link DeviceMessageException}. */
final class BodyDecoder {
    private static final Jt808Result[] RESULTS = Jt808Result.values();
    private static final RegistrationResult[] REGISTRATION_RESULTS = RegistrationResult.values();

    private BodyDecoder() {
    }

    /**
     * @param in reader over the body exactly; {@code in.where} names the message
     */
    static Jt808Message decode(Jt808Header h, WireIn in) {
        try {
            return switch (h.messageId()) {
                case Jt808Message.LOCATION_REPORT -> {
                    Location l = location(in);
                    yield new LocationReport(h, l);
                }
                case Jt808Message.BATCH_LOCATION_UPLOAD -> batch(h, in);
                case Jt808Message.TERMINAL_REGISTRATION -> registration(h, in);
                case Jt808Message.TERMINAL_AUTHENTICATION -> authentication(h, in);
                case Jt808Message.HEARTBEAT -> {
                    in.expectEnd("heartbeat body");
                    yield new Heartbeat(h);
                }
                case Jt808Message.TERMINAL_GENERAL_RESPONSE -> {
                    int serial = in.u16("answered serial");
                    int id = in.u16("answered id");
                    Jt808Result result = result(in, 3);
                    in.expectEnd("general response");
                    yield new TerminalGeneralResponse(h, serial, id, result);
                }
                case Jt808Message.PLATFORM_GENERAL_RESPONSE -> {
                    int serial = in.u16("answered serial");
                    int id = in.u16("answered id");
                    Jt808Result result = result(in, 4);
                    in.expectEnd("general response");
                    yield new PlatformGeneralResponse(h, serial, id, result);
                }
                case Jt808Message.REGISTRATION_RESPONSE -> registrationResponse(h, in);
                default -> new UnknownMessage(h, in.bytes(in.remaining(), "body"));
            };
        } catch (InvalidValueException e) {
            throw new DeviceMessageException(in.where(), -1, in.offset(), e.getMessage());
        }
    }

    /** One location body: the 28 basic bytes and the additional items up to {@code end}. */
    static Location location(WireIn in) {
        in.need(28, "location basic information");
        int alarm = (int) in.u32("alarm");
        int status = (int) in.u32("status");
        long latRaw = in.u32("latitude");
        long lonRaw = in.u32("longitude");
        int altitude = (short) in.u16("altitude");
        int speed = in.u16("speed");
        int headingOffset = in.offset();
        int heading = in.u16("heading");
        in.at("/time");
        Instant time = Instant.ofEpochSecond(in.bcdTime("time"));
        in.at("");
        if (latRaw > 90_000_000L || lonRaw > 180_000_000L) {
            throw new DeviceMessageException(in.where(), -1, in.offset() - 20, "latitude " + latRaw + " or longitude "
                    + lonRaw + " (millionths of a degree) beyond 90 / 180 degrees");
        }
        if (heading > 359) {
            throw new DeviceMessageException(in.where(), -1, headingOffset, "heading " + heading + " outside 0..359");
        }
        double lat = latRaw / 1e6;
        double lon = lonRaw / 1e6;
        List<AdditionalItem> items = List.of();
        if (in.remaining() > 0) {
            items = new ArrayList<>(4);
            while (in.remaining() > 0) {
                in.at("/item", items.size());
                int id = in.u8("additional item id");
                int len = in.u8("additional item length");
                items.add(new AdditionalItem(id, in.bytes(len, "additional item 0x" + Integer.toHexString(id))));
            }
            in.at("");
        }
        return new Location(alarm, status, (status & 4) != 0 ? -lat : lat, (status & 8) != 0 ? -lon : lon,
                altitude, speed / 10.0, heading, time, items);
    }

    private static BatchLocationUpload batch(Jt808Header h, WireIn in) {
        int count = in.u16("location count");
        int type = in.u8("location data type");
        if (type > 1) {
            throw in.fail("location data type " + type + " is neither 0 (normal) nor 1 (blind-area)");
        }
        if (count == 0) {
            throw in.fail("batch upload with 0 locations");
        }
        List<Location> locations = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            in.at("/location", i);
            int len = in.u16("location length");
            locations.add(location(in.slice(len, "location body")));
        }
        in.at("");
        in.expectEnd("batch upload");
        return new BatchLocationUpload(h, BatchLocationUpload.Type.values()[type], locations);
    }

    private static TerminalRegistration registration(Jt808Header h, WireIn in) {
        boolean v2019 = h.version() == Jt808Version.V2019;
        int province = in.u16("province");
        int city = in.u16("city");
        in.at("/makerId");
        String maker = in.text(v2019 ? 11 : 5, "maker id");
        in.at("/model");
        String model = in.text(v2019 ? 30 : 20, "model");
        in.at("/terminalId");
        String terminalId = in.text(v2019 ? 30 : 7, "terminal id");
        in.at("");
        int color = in.u8("plate colour");
        in.at("/plate");
        String plate = in.text(in.remaining(), "plate");
        in.at("");
        return new TerminalRegistration(h, province, city, maker, model, terminalId, color, plate);
    }

    private static TerminalAuthentication authentication(Jt808Header h, WireIn in) {
        if (h.version() == Jt808Version.V2013) {
            return TerminalAuthentication.of(h, in.text(in.remaining(), "auth code"));
        }
        int len = in.u8("auth code length");
        String code = in.text(len, "auth code");
        String imei = in.text(15, "IMEI");
        String software = in.text(20, "software version");
        in.expectEnd("authentication");
        return new TerminalAuthentication(h, code, imei, software);
    }

    private static RegistrationResponse registrationResponse(Jt808Header h, WireIn in) {
        int serial = in.u16("answered serial");
        int r = in.u8("registration result");
        if (r >= REGISTRATION_RESULTS.length) {
            throw in.fail("registration result " + r + " outside 0..4");
        }
        RegistrationResult result = REGISTRATION_RESULTS[r];
        String code = result == RegistrationResult.SUCCESS ? in.text(in.remaining(), "auth code") : "";
        in.expectEnd("registration response");
        return new RegistrationResponse(h, serial, result, code);
    }

    private static Jt808Result result(WireIn in, int max) {
        int r = in.u8("result");
        if (r > max) {
            throw in.fail("result " + r + " outside 0.." + max);
        }
        return RESULTS[r];
    }
}
