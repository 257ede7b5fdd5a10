package io.offsite.examples;

import io.offsite.examples.evidence.EvidenceDemo;
import io.offsite.examples.geofence.GeofenceDemo;
import io.offsite.examples.grid.GridDemo;
import io.offsite.examples.notify.NotifyDemo;
import io.offsite.examples.pipeline.EnforcementPipelineDemo;
import io.offsite.examples.rules.RulesDemo;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The runnable demo (the README's "see it work" command): every capability on embedded defaults, with a
 * manual clock, a simulated camera and a simulated SMS gateway; no external services. Pass a section name
 * ({@code grid}, {@code geofence}, {@code notify}, {@code evidence}, {@code rules}, {@code pipeline}) to run one.
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
