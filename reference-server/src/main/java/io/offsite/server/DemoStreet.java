package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.geofence.ObjectClass;
import io.offsite.geofence.truck.TruckPosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --demo} street in Huangyan: a dome camera over the no-parking fence on 西城街 and one over the
 * no-vending zone on 青年路, on a clock running {@code demo-speed} times faster than real time. Car A stays (its
 * owner is texted, the ten minutes run from the delivery, the officer is sent, evidence is collected and a case is
 * filed); car B leaves inside its window; car C's owner number is out of service (the text is dead-lettered and the
 * officer is sent at once, no off-site case); a street vendor is warned twice by loudspeaker and then a case is
 * filed. Cameras report every 5 simulated seconds through the same path as {@code POST /api/v1/detections}.
 */
final class DemoStreet {
    /** Seconds of simulated time the script runs. */
    static final int LENGTH = 1_560;
    static final String PARKING_CAMERA = "33100300001321000001";
    static final String VENDING_CAMERA = "33100300001321000002";
    static final String SHOP_CAMERA = "33100300001321000003";
    static final String COMMUNITY_CAMERA = "33100300001321000004";
    static final String OUT_OF_SERVICE = "13900000000";
    static final Set<String> CAMERAS = Set.of(PARKING_CAMERA, VENDING_CAMERA, SHOP_CAMERA, COMMUNITY_CAMERA);
    /** The gate camera of the truck's loading site (S-BEIYUAN in {@code demo/trucks.json}). */
    static final String SITE_GATE_CAMERA = "33100300001320000088";
    /** The construction-waste truck's JT/T 808 terminal (its permit is in {@code demo/trucks.json}). */
    static final String TRUCK = "013305760001";
    /** When the truck drives (seconds after the start), and when it is off its corridor. */
    static final int TRUCK_FROM = 60;
    static final int TRUCK_UNTIL = 720;
    static final int TRUCK_OFF_FROM = 240;
    static final int TRUCK_OFF_UNTIL = 540;
    /** When the community's property manager identifies the person who dumped (seconds after the start). */
    static final int PROPERTY_IDENTIFIES = 420;
    /** The demo cameras as ISAPI pushers: IP/channel, id, where they look. */
    static final List<String> ISAPI_SITES = List.of("10.33.100.21/1 " + PARKING_CAMERA + " 121.24451 28.63031",
            "10.33.100.22/1 " + VENDING_CAMERA + " 121.26451 28.63031");
    /** Owner phones the simulated vehicle registry knows (others get a made-up number). */
    static final Map<String, String> OWNERS = Map.of("浙J12345", "13812345678", "浙J67890", "13587654321",
            "浙JD0235", OUT_OF_SERVICE);
    /** Officer phones for dispatch texts. */
    static final Map<OfficerId, String> OFFICERS = Map.of(OfficerId.of("HYZF-1001"), "13511112222",
            OfficerId.of("HYZF-2001"), "13511113333", OfficerId.of("HYZF-0111"), "13511114444",
            OfficerId.of("HYZF-0211"), "13511115555");

    /** One simulated road user: who, where, from when to when (seconds after the demo starts). */
    record Actor(String label, String plate, String tracker, ObjectClass kind, String camera, double lon, double lat,
            int from, int until) {
    }

    static final List<Actor> SCRIPT = List.of(
            new Actor("car A (stays)", "浙J12345", null, ObjectClass.CAR, PARKING_CAMERA, 121.24451, 28.63031, 0, 900),
            new Actor("car B (leaves in time)", "浙J67890", null, ObjectClass.CAR, PARKING_CAMERA, 121.24421, 28.63011,
                    30, 420),
            new Actor("car C (number out of service)", "浙JD0235", null, ObjectClass.CAR, PARKING_CAMERA, 121.24481,
                    28.63041, 60, 900),
            new Actor("vendor (fruit stall)", null, "stall-7", ObjectClass.VENDOR, VENDING_CAMERA, 121.26451, 28.63031,
                    90, 1_200),
            new Actor("fruit shop's crates outside its door", null, "goods-3", ObjectClass.OTHER, SHOP_CAMERA, 121.25505,
                    28.63004, 0, LENGTH),
            new Actor("person dumping a bag of garbage", null, "person-12", ObjectClass.PERSON, COMMUNITY_CAMERA,
                    121.27502, 28.63031, 120, 200));


    private final Enforcement enforcement;
    private final Instant start;
    private final java.util.function.Consumer<TruckPosition> trucks;
    private int next;
    private boolean identified;
    private boolean truckLeftSite;

    /** A street whose truck positions reach the server through {@code trucks} (the JT/T 808 listener or the API). */
    DemoStreet(Enforcement enforcement, Instant start, java.util.function.Consumer<TruckPosition> trucks) {
        this.enforcement = enforcement;
        this.start = start;
        this.trucks = trucks;
    }

    DemoStreet(Enforcement enforcement, Instant start) {
        this(enforcement, start, p -> enforcement.trucks(t -> t.acceptAll(java.util.List.of(p))));
    }

    /**
     * Prints each event as a timeline line (local time in Huangyan), in time order: the returned printer holds lines
     * for earlier ones still to come; advance it with the clock and flush it when the street is done.
     */
    static DemoTimeline printTimeline(Enforcement enforcement, PrintStream out) {
        DemoTimeline timeline = new DemoTimeline(out);
        enforcement.listen(timeline);
        return timeline;
    }

    /**
     * Sends one round of sightings stamped with the clock's now when at least 5 simulated seconds passed since the
     * last round (cameras stamp what they see when they see it); false once the script is over.
     */
    boolean step() {
        Instant now = enforcement.now();
        long elapsed = (now.toEpochMilli() - start.toEpochMilli()) / 1_000;
        if (elapsed > LENGTH) {
            return false;
        }
        if (elapsed < next) {
            return true;
        }
        next = (int) elapsed + 5;
        List<Detection> batch = new ArrayList<>();
        for (Actor a : SCRIPT) {
            if (elapsed >= a.from() && elapsed <= a.until()) {
                Detection.Builder b = Detection.builder(CameraId.of(a.camera()), now).objectClass(a.kind())
                        .at(GeoPoint.of(a.lon(), a.lat())).snapshot("demo/" + a.camera() + "/" + elapsed + ".jpg");
                if (a.plate() != null) {
                    b.plate(a.plate(), 0.95);
                } else {
                    b.tracker(a.tracker());
                }
                batch.add(b.build());
            }
        }
        if (!batch.isEmpty()) {
            enforcement.submit(batch);
        }
        if (elapsed >= TRUCK_FROM && elapsed <= TRUCK_UNTIL) {
            if (!truckLeftSite) {
                truckLeftSite = leaveSite(now);
            }
            trucks.accept(truckAt((int) elapsed, now));
        }
        if (elapsed >= PROPERTY_IDENTIFIES && !identified) {
            identified = identifyDumper(now);
        }
        return true;
    }

    /**
     * The truck drives east along 双江路 at 9 km/h (slow city traffic), 2.5 m/s; between {@link #TRUCK_OFF_FROM} and
     * {@link #TRUCK_OFF_UNTIL} it takes a side street 170 m north of its corridor.
     */
    static TruckPosition truckAt(int elapsed, Instant now) {
        boolean off = elapsed >= TRUCK_OFF_FROM && elapsed < TRUCK_OFF_UNTIL;
        double lon = Math.round((121.2420 + (elapsed - TRUCK_FROM) * 0.0000256) * 1e6) / 1e6;
        return TruckPosition.of(TRUCK, now, lon, off ? 28.6425 : 28.6410, 9.0, 90);
    }

    /** The loading site's gate camera records the truck driving out (a plain passage, the picture its case needs). */
    private boolean leaveSite(Instant now) {
        boolean kept = enforcement.trucks(t -> t.passage("S-BEIYUAN", SITE_GATE_CAMERA, now, "浙J58821"));
        enforcement.publish(new ServerEvent(now, "GatePassage", "", "site S-BEIYUAN gate camera " + SITE_GATE_CAMERA
                + " sees truck " + Masks.plate("浙J58821") + " drive out" + (kept ? "" : " (not kept)")));
        return true;
    }

    /** The property manager's identification of the dumper, added to the dumping case once it is filed. */
    private boolean identifyDumper(Instant now) {
        for (var c : enforcement.caseStore().findByState(io.offsite.cases.CaseState.FILED, 500)) {
            if (c.penaltyCase().violation().equals(Violation.HOUSEHOLD_WASTE)) {
                String record = "{\"by\":\"天长小区物业服务中心\",\"statement\":\"门禁与监控比对，倾倒者为本小区住户（身份已登记，"
                        + "详见物业台账）\"}";
                enforcement.desk().chain(c.caseId()).add(ItemSpec.builder(ItemKind.PROPERTY_SIDE_EVIDENCE,
                        "application/json", now, "property-manager").fact("identifiesParty", "true")
                        .subject("person-12").build(),
                        new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)), "demo:property-manager");
                var done = enforcement.desk().completeness(c.penaltyCase());
                enforcement.publish(new ServerEvent(now, "EvidenceAdded", "", c.caseId()
                        + ": property manager identifies the dumper; evidence " + (done.complete() ? "complete"
                        : "still incomplete: " + done.gaps().stream()
                        .map(Completeness.Check::rule).toList())));
                return true;
            }
        }
        return false;
    }

    static String describeScript() {
        StringBuilder sb = new StringBuilder();
        for (Actor a : SCRIPT) {
            sb.append("  ").append(a.label()).append(": ").append(a.plate() != null ? Masks.plate(a.plate()) : a.tracker())
                    .append(", seen ").append(a.from() / 60).append(':').append(String.format("%02d", a.from() % 60))
                    .append("–").append(a.until() / 60).append(':').append(String.format("%02d", a.until() % 60))
                    .append(" after the start\n");
        }
        sb.append("  construction-waste truck: terminal ").append(Masks.phone(TRUCK)).append(", out of its loading site's gate and on its corridor from ")
                .append(TRUCK_FROM / 60).append(':').append(String.format("%02d", TRUCK_FROM % 60)).append(", off it ")
                .append(TRUCK_OFF_FROM / 60).append(':').append(String.format("%02d", TRUCK_OFF_FROM % 60)).append("–")
                .append(TRUCK_OFF_UNTIL / 60).append(':').append(String.format("%02d", TRUCK_OFF_UNTIL % 60))
                .append(" after the start\n");
        return sb.toString();
    }
}
