package io.offsite.evidence;

import io.offsite.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.offsite.core.violation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tamper-evidence properties of exported bundles. */
class BundlePropertiesTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static byte[] original;

    @BeforeAll
    static void export() throws IOException {
        bundle = dir.resolve("case.zip");
        Fixtures.parkingChain("case-p").exportBundle(bundle, "officer-7");
        original = Files.readAllBytes(bundle);
    }

    @Test
    void flippingAnySingleByteAnywhere_isAlwaysDetected() {
        qt().withExamples(400).forAll(integers().between(0, original.length - 1), integers().between(1, 255))
                .checkAssert((pos, xor) -> {
                    byte[] b = original.clone();
                    b[pos] = (byte) (b[pos] ^ xor);
                    Path p = write(b);
                    assertThat(BundleVerifier.create().verify(p).ok()).as("flip at %d xor %d", pos, xor).isFalse();
                });
    }

    @Test
    void everyByteOfASmallBundle_isProtected_exhaustively() throws IOException {
        // Every position, one fixed flip: no byte of the container, manifest, log or items is unprotected.
        EvidenceChain c = EvidenceChain.builder("case-s", Violation.PARKING).signingKeys(InMemorySigningKeys.generate("k"))
                .clock(SettableClock.at(Fixtures.T0)).build();
        c.add(Fixtures.sms(Fixtures.T0, Fixtures.T0), Fixtures.bytes("sms"), "platform");
        Path small = dir.resolve("small.zip");
        c.exportBundle(small, "officer-1");
        byte[] base = Files.readAllBytes(small);
        assertThat(BundleVerifier.create().verify(small).ok()).isTrue();
        for (int pos = 0; pos < base.length; pos++) {
            byte[] b = base.clone();
            b[pos] ^= 0x01;
            assertThat(BundleVerifier.create().verify(write(b)).ok()).as("flip at %d", pos).isFalse();
        }
    }

    @Test
    void droppingAnyLogEntry_isAlwaysDetected() throws IOException {
        int n = BundleVerifierTest.lines(Fixtures.entries(bundle).get("custody/log.jsonl")).size();
        qt().forAll(integers().between(0, n - 1)).checkAssert(drop -> {
            Path p = rewriteLog(lines -> lines.remove((int) drop));
            VerificationReport r = BundleVerifier.create().verify(p);
            assertThat(r.has(VerificationProblem.Kind.CUSTODY_LOG)).as("drop %d: %s", drop, r.problems()).isTrue();
        });
    }

    @Test
    void reorderingAnyTwoLogEntries_isAlwaysDetected() throws IOException {
        int n = BundleVerifierTest.lines(Fixtures.entries(bundle).get("custody/log.jsonl")).size();
        qt().forAll(integers().between(0, n - 1), integers().between(0, n - 1)).assuming((a, b) -> !a.equals(b))
                .checkAssert((a, b) -> {
                    Path p = rewriteLog(lines -> Collections.swap(lines, a, b));
                    VerificationReport r = BundleVerifier.create().verify(p);
                    assertThat(r.has(VerificationProblem.Kind.CUSTODY_LOG)).as("swap %d %d", a, b).isTrue();
                });
    }

    @Test
    void untouchedBundle_ofAnyShape_alwaysVerifies() {
        qt().withExamples(25).forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 12)).checkAssert(ops -> {
            SettableClock clock = SettableClock.at(Fixtures.T0.plusSeconds(3600));
            EvidenceChain c = EvidenceChain.builder("case-q", Violation.HOUSEHOLD_WASTE)
                    .signingKeys(InMemorySigningKeys.generate("k1")).clock(clock).build();
            int i = 0;
            for (int op : ops) {
                i++;
                List<EvidenceItem> items = c.items();
                switch (op) {
                    case 0, 1 -> c.add(Fixtures.still(Fixtures.T0.plusSeconds(i), op == 0), Fixtures.bytes("x" + i),
                            "platform");
                    case 2 -> {
                        if (!items.isEmpty()) {
                            c.recordView(items.get(0).id(), "officer-" + i);
                        }
                    }
                    case 3 -> c.signHead();
                    case 4 -> {
                        if (!items.isEmpty()) {
                            c.derive(items.get(items.size() - 1).id(), Fixtures.still(Fixtures.T0.plusSeconds(i),
                                    false), Fixtures.bytes("redacted" + i), "officer-1", "plate blurred");
                        }
                    }
                    default -> c.add(Fixtures.sms(Fixtures.T0, Fixtures.T0.plusSeconds(2)), Fixtures.bytes(""),
                            "platform");
                }
            }
            Path p = dir.resolve("shape.zip");
            c.exportBundle(p, "officer-9");
            VerificationReport r = BundleVerifier.create().verify(p);
            assertThat(r.problems()).as("ops %s", ops).isEmpty();
        });
    }

    private static Path rewriteLog(java.util.function.Consumer<List<String>> change) {
        try {
            return Fixtures.rewrite(bundle, dir.resolve("log.zip"), m -> {
                List<String> lines = new ArrayList<>(BundleVerifierTest.lines(m.get("custody/log.jsonl")));
                change.accept(lines);
                m.put("custody/log.jsonl", BundleVerifierTest.join(lines));
                return m;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(byte[] b) {
        try {
            return Files.write(dir.resolve("flipped.zip"), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
