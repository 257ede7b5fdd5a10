package io.offsite.examples.shopfront;

import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.ObjectClass;
import io.offsite.geofence.PixelBox;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Shop-front operation (店铺越门经营) end to end in the libraries, no server: a street camera on 黄岩区劳动北路 has a
 * pixel fence in front of one fruit shop ({@code frontOf} the shop). Fruit crates left on the pavement past the
 * dwell get a loudspeaker warning <em>and</em> an SMS to the shop's registered operator, and the episode lands in the
 * shop's file (一企一档). Twice in a week the crates are taken in after the warnings; the third time within 30 days
 * the engine files a case at once, against the operator, with the trading-beyond-shopfront penalty and the case
 * reference in the shop's file. Runs on a manual clock with simulated gateways; prints the timeline.
 */
public final class ShopFrontDemo {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CameraId CAMERA = CameraId.of("33100300001321000012");
    static final int PRESET = 2;
    /** 2026-12-01 10:00 in Huangyan. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    private ShopFrontDemo() {
    }

    /** The pavement in front of the fruit shop in the camera's image at preset 2, in pixels. */
    static Polygon pavementPixels() {
        return new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(100, 400), new Coordinate(700, 400),
            new Coordinate(700, 700), new Coordinate(100, 700), new Coordinate(100, 400)});
    }

    /** The shop-front pixel fence in front of {@code objectId} (the shop-front preset ladder). */
    static Fence fence(String objectId) {
        return Fence.builder("shopfront-laodong-n-fruit", FenceKind.SHOP_FRONT, ShopStreet.CELL)
                .pixels(CAMERA.raw(), PRESET, pavementPixels(), ShopStreet.at(0, -2)).frontOf(objectId).build();
    }

    /** Goods (camera tracker {@code tracker}) on the pavement from {@code from} for {@code minutes}, seen every 5 s. */
    static List<Detection> goods(String tracker, Instant from, int minutes) {
        List<Detection> out = new ArrayList<>();
        for (long s = 0; s <= minutes * 60L; s += 5) {
            out.add(Detection.builder(CAMERA, from.plusSeconds(s)).objectClass(ObjectClass.OTHER).tracker(tracker)
                    .box(new PixelBox(PRESET, 300, 450, 120, 100)).snapshot("rec/laodong/" + tracker + "/" + s + ".jpg")
                    .build());
        }
        return out;
    }

    /** The street with the fruit shop's fence. */
    static ShopStreet street() {
        return new ShopStreet(START, List.of(fence(ShopStreet.FRUIT.id())));
    }

    /** The three episodes: warned and taken in (day 1), warned twice and taken in (day 3), a case at once (day 6). */
    static void play(ShopStreet st) {
        st.feed(goods("crates-1", START, 8), START.plus(Duration.ofMinutes(30)));
        Instant day3 = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)); // 12-03 15:00
        st.feed(goods("table-7", day3, 18), day3.plus(Duration.ofMinutes(40)));
        Instant day6 = START.plus(Duration.ofDays(5)).minus(Duration.ofHours(1)); // 12-06 09:00
        st.feed(goods("crates-2", day6, 10), day6.plus(Duration.ofMinutes(30)));
    }

    /** Runs the scenario, printing the timeline and the shop's file to {@code out}; returns the street. */
    public static ShopStreet run(PrintStream out) {
        ShopStreet st = street();
        play(st);
        st.host.timeline().forEach(s -> out.println(local(s.at()) + "  " + s.kind() + "  " + s.text()));
        EnterpriseArchive file = st.host.fileOf(ShopStreet.FRUIT.id());
        out.println("file of " + ShopStreet.FRUIT.name() + ": " + file.findings().size() + " findings, "
                + file.cases().size() + " case(s)");
        file.findings().forEach(f -> out.println("  finding " + local(f.at()) + " " + f.description()));
        file.cases().forEach(c -> out.println("  case    " + local(c.filedAt()) + " " + c.caseId() + " " + c.violation()));
        return st;
    }

    static String local(Instant t) {
        return t.atZone(SHANGHAI).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ');
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
