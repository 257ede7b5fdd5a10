package io.offsite.examples.shopfront;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceKind;
import io.offsite.geofence.ObjectClass;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sewage (乱倒污水) traced to a shop, end to end in the libraries: a storm-drain fence runs along the gutter of
 * 黄岩区劳动北路 in front of a whole row of shops, so the fence names no shop; when the camera sees someone pour
 * sewage into the gutter, the loudspeaker warns and the host traces the event with {@code Frontages.locate} to the
 * shop in front of which it happened (here the noodle restaurant, whose pavement strip is declared): the event
 * lands in that shop's file and the warning is texted to its registered operator. A second pouring at the far end of
 * the gutter, with no shop within 15 m, is recorded as unattributed: warned, nobody texted, no crash. Later the
 * kitchen hand pours on for a minute and a half after the warning: the engine decides on a case, but the clip does not
 * say who poured, so the case is held until the street's shop-management office identifies him as the restaurant's
 * staff (物业佐证); with that the evidence is complete and the case is filed against the operator.
 */
public final class SewageDemo {
    static final CameraId CAMERA = CameraId.of("33100300001321000014");
    /** 2026-12-04 21:30 in Huangyan: after the dinner rush. */
    static final Instant START = Instant.parse("2026-12-04T13:30:00Z");
    /** The street's shop-management office, which identifies who poured (sample name). */
    static final String PROPERTY_OFFICE = "劳动北路商铺物业服务中心";

    private SewageDemo() {
    }

    /** The storm-drain fence: the gutter 4.5–6 m in front of the shop doors, from 4 m west to 44 m east. */
    static Fence gutter() {
        return Fence.builder("storm-drain-laodong-n", FenceKind.STORM_DRAIN, ShopStreet.CELL)
                .polygon(ShopStreet.strip(-4, 44, -6, -4.5)).build();
    }

    /** A person (tracker {@code tracker}) at {@code east} metres along the gutter for {@code seconds}, seen every second. */
    static List<Detection> pouring(String tracker, double east, Instant from, int seconds) {
        GeoPoint p = ShopStreet.at(east, -5.2);
        List<Detection> out = new ArrayList<>();
        for (long s = 0; s <= seconds; s++) {
            out.add(Detection.builder(CAMERA, from.plusSeconds(s)).objectClass(ObjectClass.PERSON).tracker(tracker)
                    .at(p).snapshot("rec/gutter/" + tracker + "/" + s + ".jpg").build());
        }
        return out;
    }

    /** The street with the gutter fence. */
    static ShopStreet street() {
        return new ShopStreet(START, List.of(gutter()));
    }

    /** Runs the scenario, printing the timeline and the noodle shop's file to {@code out}; returns the street. */
    public static ShopStreet run(PrintStream out) {
        ShopStreet st = street();
        // 21:30 a kitchen hand pours a bucket into the gutter in front of the noodle restaurant (15 s)
        st.feed(pouring("p-31", 9, START, 15), START.plus(Duration.ofMinutes(5)));
        // 21:50 someone pours at the far end of the gutter, 16 m beyond the last shop
        Instant later = START.plus(Duration.ofMinutes(20));
        st.feed(pouring("p-44", 40, later, 15), later.plus(Duration.ofMinutes(5)));
        // 22:10 the kitchen hand pours again and goes on after the warning: a case, held for identification
        Instant again = START.plus(Duration.ofMinutes(40));
        st.feed(pouring("p-52", 9, again, 90), again.plus(Duration.ofMinutes(5)));
        // 22:40 the shop-management office matches the person on the clip to the restaurant's kitchen staff
        Instant identified = START.plus(Duration.ofMinutes(70));
        st.runTo(identified);
        for (String episode : st.host.awaitingEvidence()) {
            st.host.addPropertyIdentification(episode, PROPERTY_OFFICE, "party-hy-shop-0002-staff", identified);
        }
        st.host.timeline().forEach(s -> out.println(ShopFrontDemo.local(s.at()) + "  " + s.kind()
                + (s.objectId().isEmpty() ? "" : " [" + s.objectId() + "]") + "  " + s.text()));
        EnterpriseArchive file = st.host.fileOf(ShopStreet.NOODLES.id());
        out.println("file of " + ShopStreet.NOODLES.name() + ": " + file.findings().size() + " finding(s), "
                + file.cases().size() + " case(s)");
        file.findings().forEach(f -> out.println("  finding " + ShopFrontDemo.local(f.at()) + " " + f.description()));
        return st;
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
