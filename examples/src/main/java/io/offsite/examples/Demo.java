package io.offsite.examples;

import io.offsite.examples.dumping.GarbageDumpingDemo;
import io.offsite.examples.evidence.EvidenceDemo;
import io.offsite.examples.geofence.GeofenceDemo;
import io.offsite.examples.grid.GridDemo;
import io.offsite.examples.notify.NotifyDemo;
import io.offsite.examples.patrol.PatrolDemo;
import io.offsite.examples.pipeline.EnforcementPipelineDemo;
import io.offsite.examples.rules.RulesDemo;
import io.offsite.examples.shopfront.SewageDemo;
import io.offsite.examples.shopfront.ShopFrontDemo;
import io.offsite.examples.trucks.TruckDemo;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The runnable demo (the README's "see it work" command): every capability on embedded defaults, with a
 * manual clock, a simulated camera and a simulated SMS gateway; no external services. Pass section names
 * ({@code grid}, {@code geofence}, {@code notify}, {@code evidence}, {@code rules}, {@code pipeline}, and the field
 * scenarios {@code dumping}, {@code shopfront}, {@code sewage}, {@code trucks}, {@code patrol}) to run only those.
 */
public final class Demo {
    private Demo() {
    }

    /** One section of the demo: its name on the command line, its heading, what it runs. */
    private record Section(String name, String title, Consumer<PrintStream> demo) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("grid", "The enforcement grid: locate points and objects, validation", GridDemo::run),
            new Section("geofence", "A parking window on a test clock (geofence engine)", GeofenceDemo::run),
            new Section("notify", "Effects through the durable outbox (simulated SMS gateway)", NotifyDemo::run),
            new Section("evidence", "A parking case's evidence chain, bundle and verifier", EvidenceDemo::run),
            new Section("rules", "Discretionary penalty rules, case lifecycle and deadlines", RulesDemo::run),
            new Section("pipeline", "End to end: camera -> fence -> SMS -> officer -> evidence -> case",
                    EnforcementPipelineDemo::run),
            new Section("dumping", "Garbage dumping: evidence + case at once, filed once the party is identified",
                    GarbageDumpingDemo::run),
            new Section("shopfront", "Shop front: warnings to the operator, the third episode in 30 days a case",
                    o -> ShopFrontDemo.run(o)), // a lambda: run returns a package-private type
            new Section("sewage", "Sewage into the gutter traced to the shop in front of which it happened",
                    o -> SewageDemo.run(o)),
            new Section("trucks", "A construction-waste truck leaves its corridor: GPS track + gate still -> case",
                    TruckDemo::run),
            new Section("patrol", "Drone patrol plan, patrol records, a footprint check -> evidence -> case",
                    PatrolDemo::run));

    /** Runs every demo in turn, or only those named on the command line; an unknown name exits with status 2. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the sections named in {@code args} (every one when none is named) and returns 0; names a section that does
     * not exist on {@code err}, with the names there are, runs nothing and returns 2.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Set<String> known = new LinkedHashSet<>();
        SECTIONS.forEach(s -> known.add(s.name()));
        Set<String> only = new LinkedHashSet<>(List.of(args));
        Set<String> unknown = new LinkedHashSet<>(only);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            err.println("unknown demo section " + String.join(", ", unknown) + "; the sections are: "
                    + String.join(" ", known) + " (none named: all of them)");
            return 2;
        }
        for (Section s : SECTIONS) {
            if (only.isEmpty() || only.contains(s.name())) {
                out.println();
                out.println("=== " + s.name() + ": " + s.title() + " ===");
                s.demo().accept(out);
            }
        }
        return 0;
    }
}
