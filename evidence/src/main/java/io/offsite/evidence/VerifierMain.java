package io.offsite.evidence;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line bundle verifier for courts and outside reviewers:
 * {@code java -jar offsite-evidence-verifier.jar [--trust-key FINGERPRINT]... bundle.zip}. Prints
 * {@code OK} or every problem found, then notes (key fingerprints, timestamp); shows progress on stderr
 * for large bundles. Exit status: 0 = OK (verified, nothing wrong); 1 = tampered (problems found); 2 = cannot
 * check (usage error, unreadable file, a bundle over the verifier's limits, or the verifier itself failed —
 * nothing is claimed about the bundle).
 */
public final class VerifierMain {
    private VerifierMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier and returns the exit status (used by {@link #main} and by tests). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return runUnguarded(args, out, err);
        } catch (RuntimeException | Error e) {
            // never a stack trace, never "tampered": the verifier could not do its job
            out.println("CANNOT CHECK: the verifier failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Json.clip(e.getMessage())) + ")");
            return 2;
        }
    }

    private static int runUnguarded(String[] args, PrintStream out, PrintStream err) {
        BundleVerifierBuilder b = BundleVerifier.builder();
        List<Path> bundles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--trust-key".equals(args[i]) && i + 1 < args.length) {
                try {
                    b.trustKey(Sha256.parse(args[++i]));
                } catch (EvidenceException e) {
                    err.println("--trust-key: " + e.getMessage());
                    return 2;
                }
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i]);
                return usage(err);
            } else {
                bundles.add(Path.of(args[i]));
            }
        }
        if (bundles.size() != 1) {
            return usage(err);
        }
        Path bundle = bundles.get(0);
        if (!Files.isRegularFile(bundle)) {
            err.println("no such file: " + bundle);
            return 2;
        }
        long[] lastShown = {-1};
        b.progress((done, total) -> {
            if (total >= (64L << 20)) {
                long pct = done * 100 / total;
                if (pct != lastShown[0]) {
                    lastShown[0] = pct;
                    err.print("\rverifying items: " + (done >> 20) + " / " + (total >> 20) + " MiB (" + pct + "%)");
                    if (done == total) {
                        err.println();
                    }
                }
            }
        });
        VerificationReport r = b.build().verify(bundle);
        if (r.cannotCheck()) {
            out.println("CANNOT CHECK " + bundle + ":");
            r.problems().stream().filter(p -> p.kind() == VerificationProblem.Kind.CANNOT_CHECK)
                    .forEach(p -> out.println("  " + p));
            return 2;
        }
        if (r.ok()) {
            out.println("OK " + bundle);
        } else {
            out.println("FAILED " + bundle + ": " + r.problems().size() + " problem(s)");
            r.problems().forEach(p -> out.println("  " + p));
        }
        r.notes().forEach(n -> out.println("  note: " + n));
        return r.ok() ? 0 : 1;
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar offsite-evidence-verifier.jar [--trust-key SHA256-FINGERPRINT]... bundle.zip");
        return 2;
    }
}
