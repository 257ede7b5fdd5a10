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

    /** Runs every demo in turn, or only those named on the command line. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        java.util.Set<String> only = java.util.Set.of(args);
        section(out, only, "grid", "The enforcement grid: locate points and objects, validation", GridDemo::run);
        section(out, only, "geofence", "A parking window on a test clock (geofence engine)", GeofenceDemo::run);
        section(out, only, "notify", "Effects through the durable outbox (simulated SMS gateway)", NotifyDemo::run);
        section(out, only, "evidence", "A parking case's evidence chain, bundle and verifier", EvidenceDemo::run);
        section(out, only, "rules", "Discretionary penalty rules, case lifecycle and deadlines", RulesDemo::run);
        section(out, only, "pipeline", "End to end: camera -> fence -> SMS -> officer -> evidence -> case",
                EnforcementPipelineDemo::run);
        section(out, only, "dumping", "Garbage dumping: evidence + case at once, filed once the party is identified",
                GarbageDumpingDemo::run);
        section(out, only, "shopfront", "Shop front: warnings to the operator, the third episode in 30 days a case",
                o -> ShopFrontDemo.run(o)); // a lambda: run returns a package-private type
        section(out, only, "sewage", "Sewage into the gutter traced to the shop in front of which it happened",
                o -> SewageDemo.run(o));
        section(out, only, "trucks", "A construction-waste truck leaves its corridor: GPS track + gate still -> case",
                TruckDemo::run);
        section(out, only, "patrol", "Drone patrol plan, patrol records, a footprint check -> evidence -> case",
                PatrolDemo::run);
    }

    private static void section(PrintStream out, java.util.Set<String> only, String name, String title,
            Consumer<PrintStream> demo) {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        out.println();
        out.println("=== " + name + ": " + title + " ===");
        demo.accept(out);
    }
}
