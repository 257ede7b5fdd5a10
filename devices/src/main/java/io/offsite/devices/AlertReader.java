package io.offsite.devices;

import io.offsite.core.geo.GeoPoint;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Maps an {@code EventNotificationAlert} element tree to an {@link IsapiAlert}; unnamed elements go to extra. */
final class AlertReader {
    static final String ROOT = "EventNotificationAlert";
    static final Set<String> NAMESPACES = Set.of("", "http://www.hikvision.com/ver20/XMLSchema",
            "http://www.isapi.org/ver20/XMLSchema", "http://www.std-cgi.org/ver20/XMLSchema");
    /** Plate texts that mean "no plate read" (English and Chinese firmware). */
    private static final Set<String> NO_PLATE = Set.of("unknown", "无车牌", "无牌", "车牌");
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]xx", Locale.ROOT);
    private static final int MAX_TEXT = 256;

    private final int part;
    private final Optional<ZoneId> assumeZone;

    private AlertReader(int part, Optional<ZoneId> assumeZone) {
        this.part = part;
        this.assumeZone = assumeZone;
    }

    static IsapiAlert read(XmlTree.Doc doc, int part, Optional<ZoneId> assumeZone) {
        return new AlertReader(part, assumeZone).alert(doc);
    }

    private IsapiAlert alert(XmlTree.Doc doc) {
        XmlTree.Node root = doc.root();
        if (!root.name.equals(ROOT)) {
            throw fail(root.path, "root element is <" + root.name + ">, expected <" + ROOT + ">");
        }
        if (!NAMESPACES.contains(doc.namespace())) {
            throw fail(root.path, "namespace '" + doc.namespace() + "' is not an ISAPI namespace; expected one of "
                    + "http://www.hikvision.com/ver20/XMLSchema, http://www.isapi.org/ver20/XMLSchema or none");
        }
        XmlTree.Node dateTime = required(root, "dateTime");
        OffsetDateTime time = time(dateTime);
        String eventType = requiredText(root, "eventType");
        XmlTree.Node stateNode = required(root, "eventState");
        EventState state = switch (stateNode.text().toLowerCase(Locale.ROOT)) {
            case "active" -> EventState.ACTIVE;
            case "inactive" -> EventState.INACTIVE;
            default -> throw fail(stateNode.path, "'" + clip(stateNode.text()) + "' is not active or inactive");
        };
        Optional<String> channel = text(root, "channelID");
        if (channel.isEmpty()) {
            channel = text(root, "dynChannelID");
        }
        XmlTree.Node anprNode = root.child("ANPR");
        List<DetectionRegion> regions = new ArrayList<>();
        XmlTree.Node regionList = root.child("DetectionRegionList");
        if (regionList != null) {
            for (XmlTree.Node entry : regionList.all("DetectionRegionEntry")) {
                regions.add(region(entry));
            }
        }
        XmlTree.Node gpsNode = root.child("DeviceGPSInfo");
        Optional<GeoPoint> gps = gpsNode == null ? Optional.empty() : gps(gpsNode);
        Optional<AnprRead> anpr = anprNode == null ? Optional.empty() : Optional.of(anpr(anprNode));
        Optional<String> ip = text(root, "ipAddress");
        OptionalInt port = integer(root, "portNo", 0, 65535);
        Optional<String> protocol = text(root, "protocol");
        Optional<String> mac = text(root, "macAddress");
        Optional<String> channelName = text(root, "channelName");
        OptionalInt posts = integer(root, "activePostCount", 0, Integer.MAX_VALUE);
        Optional<String> description = text(root, "eventDescription");
        Optional<String> uuid = text(root, "UUID");
        boolean retransmission = bool(root, "isDataRetransmission");
        Map<String, String> extra = new LinkedHashMap<>();
        extra(root, "", extra); // last: every element named above is marked used by now
        return new IsapiAlert(doc.namespace(), ip, port, protocol, mac, channel, channelName, time.toInstant(),
                time.getOffset(), posts, eventType, state, description, uuid, retransmission, anpr, regions, gps,
                extra);
    }

    private AnprRead anpr(XmlTree.Node n) {
        Optional<String> plate = text(n, "licensePlate");
        if (plate.isPresent() && plate.get().length() > 32) {
            throw fail(n.path + "/licensePlate", "'" + clip(plate.get()) + "' is longer than 32 characters");
        }
        plate = plate.filter(p -> !NO_PLATE.contains(p.toLowerCase(Locale.ROOT)));
        OptionalDouble confidence = OptionalDouble.empty();
        XmlTree.Node c = n.child("confidenceLevel");
        if (c != null && !c.text().isEmpty()) {
            double v = number(c);
            if (!(v >= 0 && v <= 100)) {
                throw fail(c.path, c.text() + " outside 0..100");
            }
            confidence = OptionalDouble.of(v / 100);
        }
        List<AnprPicture> pictures = new ArrayList<>();
        XmlTree.Node list = n.child("pictureInfoList");
        if (list != null) {
            for (XmlTree.Node p : list.all("pictureInfo")) {
                XmlTree.Node rect = p.child("plateRect");
                pictures.add(new AnprPicture(text(p, "fileName"), text(p, "type"), text(p, "pId"),
                        text(p, "absTime"), rect == null ? Optional.empty() : box(rect)));
            }
        }
        return new AnprRead(plate, confidence, text(n, "plateColor"), text(n, "plateType"), text(n, "vehicleType"),
                text(n, "direction"), text(n, "country"), integer(n, "line", 0, Integer.MAX_VALUE), pictures);
    }

    private DetectionRegion region(XmlTree.Node entry) {
        List<RegionPoint> polygon = new ArrayList<>();
        XmlTree.Node coords = entry.child("RegionCoordinatesList");
        if (coords != null) {
            for (XmlTree.Node p : coords.all("RegionCoordinates")) {
                XmlTree.Node x = required(p, "positionX");
                XmlTree.Node y = required(p, "positionY");
                polygon.add(new RegionPoint(perMille(x), perMille(y)));
            }
        }
        XmlTree.Node rect = entry.child("TargetRect");
        if (rect == null) {
            rect = entry.child("targetRect");
        }
        return new DetectionRegion(text(entry, "regionID"), integer(entry, "sensitivityLevel", 0, 100), polygon,
                text(entry, "detectionTarget"), rect == null ? Optional.empty() : box(rect));
    }

    private int perMille(XmlTree.Node n) {
        double v = number(n);
        if (!(v >= 0 && v <= 1000) || v != Math.rint(v)) {
            throw fail(n.path, "'" + clip(n.text()) + "' is not a whole number within 0..1000");
        }
        return (int) v;
    }

    /** A box from X/Y/width/height; empty when all zero (the device's "no box"). */
    private Optional<ImageBox> box(XmlTree.Node n) {
        double x = number(required(n, "X"));
        double y = number(required(n, "Y"));
        double w = number(required(n, "width"));
        double h = number(required(n, "height"));
        if (!(x >= 0 && y >= 0 && w >= 0 && h >= 0)) {
            throw fail(n.path, "negative coordinate in " + x + "," + y + " " + w + "x" + h);
        }
        if (w == 0 || h == 0) {
            return Optional.empty();
        }
        if (x + w <= 1 && y + h <= 1) {
            return Optional.of(new ImageBox(x, y, w, h, ImageBox.Unit.FRACTION));
        }
        if (x + w <= 1000 && y + h <= 1000) {
            return Optional.of(new ImageBox(x, y, w, h, ImageBox.Unit.PER_MILLE));
        }
        throw fail(n.path, "box " + x + "," + y + " " + w + "x" + h + " lies outside both 0..1 and 0..1000");
    }

    private Optional<GeoPoint> gps(XmlTree.Node n) {
        double lon = degrees(n, "Longitude", "longitudeType", "E", "W", 180);
        double lat = degrees(n, "Latitude", "latitudeType", "N", "S", 90);
        if (lon == 0 && lat == 0) {
            return Optional.empty(); // no fix: devices without GPS send zeros
        }
        return Optional.of(GeoPoint.of(lon, lat));
    }

    private double degrees(XmlTree.Node gps, String name, String hemisphere, String positive, String negative,
            double max) {
        XmlTree.Node n = required(gps, name);
        double deg = number(required(n, "degree"));
        double min = number(required(n, "minute"));
        double sec = number(required(n, "sec"));
        if (!(deg >= 0 && deg <= max && min >= 0 && min < 60 && sec >= 0 && sec < 60)) {
            throw fail(n.path, deg + "° " + min + "' " + sec + "\" is not within 0..." + (int) max
                    + "°, minutes and seconds below 60");
        }
        double value = deg + min / 60 + sec / 3600;
        if (value > max) {
            throw fail(n.path, value + "° exceeds " + (int) max + "°");
        }
        XmlTree.Node side = gps.child(hemisphere);
        String s = side == null ? positive : side.text();
        if (s.equalsIgnoreCase(negative)) {
            return -value;
        }
        if (!s.equalsIgnoreCase(positive)) {
            throw fail(side.path, "'" + clip(s) + "' is not " + positive + " or " + negative);
        }
        return value;
    }

    private OffsetDateTime time(XmlTree.Node n) {
        String t = n.text();
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            // try the other spellings below
        }
        try {
            return OffsetDateTime.parse(t, COMPACT_OFFSET);
        } catch (DateTimeException e) {
            // try the other spellings below
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeException e) {
            throw fail(n.path, "'" + clip(t) + "' is not an ISO-8601 date-time such as 2026-12-06T09:15:03+08:00");
        }
        if (assumeZone.isEmpty()) {
            throw fail(n.path, "'" + clip(t) + "' has no UTC offset and the parser has no assumeZone");
        }
        ZoneOffset offset = assumeZone.get().getRules().getOffset(local);
        return local.atOffset(offset);
    }

    private XmlTree.Node required(XmlTree.Node parent, String name) {
        XmlTree.Node n = parent.child(name);
        if (n == null) {
            throw fail(parent.path + "/" + name, "required element is missing");
        }
        return n;
    }

    private String requiredText(XmlTree.Node parent, String name) {
        XmlTree.Node n = required(parent, name);
        if (n.text().isEmpty()) {
            throw fail(n.path, "required element is empty");
        }
        if (n.text().length() > MAX_TEXT) {
            throw fail(n.path, "longer than " + MAX_TEXT + " characters");
        }
        return n.text();
    }

    private Optional<String> text(XmlTree.Node parent, String name) {
        XmlTree.Node n = parent.child(name);
        return n == null || n.text().isEmpty() ? Optional.empty() : Optional.of(n.text());
    }

    private OptionalInt integer(XmlTree.Node parent, String name, int min, int max) {
        XmlTree.Node n = parent.child(name);
        if (n == null || n.text().isEmpty()) {
            return OptionalInt.empty();
        }
        long v;
        try {
            v = Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw fail(n.path, "'" + clip(n.text()) + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw fail(n.path, v + " outside " + min + ".." + max);
        }
        return OptionalInt.of((int) v);
    }

    private boolean bool(XmlTree.Node parent, String name) {
        XmlTree.Node n = parent.child(name);
        if (n == null || n.text().isEmpty()) {
            return false;
        }
        return switch (n.text().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(n.path, "'" + clip(n.text()) + "' is not true or false");
        };
    }

    private double number(XmlTree.Node n) {
        String t = n.text();
        if (t.isEmpty() || t.length() > 32 || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            throw fail(n.path, "'" + clip(t) + "' is not a number");
        }
        return Double.parseDouble(t);
    }

    private void extra(XmlTree.Node node, String prefix, Map<String, String> out) {
        for (Map.Entry<String, String> a : node.attributes.entrySet()) {
            out.put(prefix + "@" + a.getKey(), a.getValue());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (XmlTree.Node c : node.children) {
            counts.merge(c.name, 1, Integer::sum);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (XmlTree.Node c : node.children) {
            int i = seen.merge(c.name, 1, Integer::sum);
            String key = prefix + c.name + (counts.get(c.name) > 1 ? "[" + i + "]" : "");
            if (c.children.isEmpty()) {
                if (!c.used) {
                    out.put(key, c.text());
                }
                c.attributes.forEach((k, v) -> out.put(key + "/@" + k, v));
            } else {
                extra(c, key + "/", out);
            }
        }
    }

    private DeviceMessageException fail(String where, String problem) {
        return new DeviceMessageException(where, part, -1, problem);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
