package io.offsite.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.violation.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {
    @TempDir
    Path dir;
    EvidenceChain chain;
    Path bundle;

    @BeforeEach
    void export() {
        chain = Fixtures.parkingChain("case-2026-0001");
        bundle = dir.resolve("bundle.zip");
        chain.exportBundle(bundle, "officer-7");
    }

    @Test
    void untouchedBundle_verifiesOk_withNotesOnKeysAndTimestamp() {
        VerificationReport r = BundleVerifier.create().verify(bundle);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.caseId()).isEqualTo("case-2026-0001");
        assertThat(r.notes()).anyMatch(n -> n.contains("4 items")).anyMatch(n -> n.contains("fingerprint"))
                .anyMatch(n -> n.contains("NOT an RFC 3161"));
    }

    @Test
    void bundle_isAStandardZipWithManifestLogProofsAndItems() throws IOException {
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            assertThat(Collections.list(z.entries())).extracting(e -> e.getName()).containsExactly("manifest.json",
                    "manifest.sig.json", "custody/log.jsonl", "custody/proofs.json", "items/item-0001",
                    "items/item-0002", "items/item-0003", "items/item-0004");
            assertThat(z.getInputStream(z.getEntry("items/item-0001")).readAllBytes())
                    .isEqualTo("still-1 jpeg bytes".getBytes(StandardCharsets.UTF_8));
        }
        String log = new String(Fixtures.entries(bundle).get("custody/log.jsonl"), StandardCharsets.UTF_8);
        assertThat(log.lines()).hasSize(8).last().asString().contains("\"action\":\"EXPORTED\"");
    }

    @Test
    void changedItemByte_isReportedAsItemChanged_naming_theItem() throws IOException {
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            byte[] b = m.get("items/item-0003").clone();
            b[2] ^= 0x20;
            m.put("items/item-0003", b);
            return m;
        });
        VerificationReport r = BundleVerifier.create().verify(bad);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(VerificationProblem.Kind.ITEM_CHANGED);
            assertThat(p.where()).isEqualTo("items/item-0003");
        });
    }

    @Test
    void missingItem_andExtraFile_areReported() throws IOException {
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            m.remove("items/item-0002");
            m.put("items/item-0099", "planted".getBytes(StandardCharsets.UTF_8));
            return m;
        });
        VerificationReport r = BundleVerifier.create().verify(bad);
        assertThat(r.problems()).extracting(VerificationProblem::kind).containsExactlyInAnyOrder(
                VerificationProblem.Kind.EXTRA_FILE, VerificationProblem.Kind.ITEM_MISSING);
        assertThat(r.problems()).anyMatch(p -> p.where().equals("items/item-0099"))
                .anyMatch(p -> p.where().equals("items/item-0002"));
    }

    @Test
    void removedLogEntry_isReportedWithItsPosition() throws IOException {
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            List<String> lines = new ArrayList<>(lines(m.get("custody/log.jsonl")));
            lines.remove(4);
            m.put("custody/log.jsonl", join(lines));
            return m;
        });
        VerificationReport r = BundleVerifier.create().verify(bad);
        assertThat(r.has(VerificationProblem.Kind.CUSTODY_LOG)).isTrue();
        assertThat(r.problems()).anyMatch(p -> p.where().equals("custody/log.jsonl line 5")
                && p.message().contains("removed, inserted or reordered"))
                .anyMatch(p -> p.message().contains("entries were removed"));
    }

    @Test
    void reorderedLogEntries_areReported() throws IOException {
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            List<String> lines = new ArrayList<>(lines(m.get("custody/log.jsonl")));
            Collections.swap(lines, 1, 2);
            m.put("custody/log.jsonl", join(lines));
            return m;
        });
        VerificationReport r = BundleVerifier.create().verify(bad);
        assertThat(r.problems()).anyMatch(p -> p.kind() == VerificationProblem.Kind.CUSTODY_LOG
                && p.message().contains("reordered"));
    }

    @Test
    void manifestResignedWithAnotherKey_failsAgainstTrustedFingerprint() throws IOException {
        Sha256 agencyKey = Ed25519.fingerprint(BundleModel.parse(
                Fixtures.entries(bundle).get("manifest.json"), item -> { }).keys().get("agency-key-1"));
        assertThat(BundleVerifier.builder().trustKey(agencyKey).build().verify(bundle).ok()).isTrue();

        EvidenceChain forged = Fixtures.parkingChain("case-2026-0001");
        Path other = dir.resolve("forged.zip");
        forged.exportBundle(other, "mallory");
        VerificationReport r = BundleVerifier.builder().trustKey(agencyKey).build().verify(other);
        assertThat(r.problems()).anyMatch(p -> p.kind() == VerificationProblem.Kind.SIGNATURE
                && p.message().contains("not among the trusted keys"));
    }

    @Test
    void signatureFileSwappedFromAnotherBundle_isBadSignature() throws IOException {
        EvidenceChain other = Fixtures.parkingChain("case-2026-0001");
        Path otherBundle = dir.resolve("other.zip");
        other.exportBundle(otherBundle, "officer-7");
        byte[] foreignSig = Fixtures.entries(otherBundle).get("manifest.sig.json");
        Path bad = Fixtures.rewrite(bundle, dir.resolve("bad.zip"), m -> {
            m.put("manifest.sig.json", foreignSig);
            return m;
        });
        VerificationReport r = BundleVerifier.create().verify(bad);
        assertThat(r.problems()).singleElement().extracting(VerificationProblem::kind)
                .isEqualTo(VerificationProblem.Kind.SIGNATURE);
    }

    @Test
    void truncatedOrExtendedFile_isZipStructureProblem() throws IOException {
        byte[] all = Files.readAllBytes(bundle);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(all, all.length - 1));
        Path longer = Files.write(dir.resolve("long.zip"), Arrays.copyOf(all, all.length + 1));
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        for (Path p : List.of(cut, longer, empty)) {
            assertThat(BundleVerifier.create().verify(p).problems()).singleElement()
                    .extracting(VerificationProblem::kind).isEqualTo(VerificationProblem.Kind.ZIP_STRUCTURE);
        }
    }

    @Test
    void verifierMain_printsOkOrProblems_withExitStatus() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int ok = VerifierMain.run(new String[] {bundle.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(ok).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK ");
        byte[] all = Files.readAllBytes(bundle);
        all[all.length / 2] ^= 1;
        Path bad = Files.write(dir.resolve("flip.zip"), all);
        out.reset();
        int status = VerifierMain.run(new String[] {bad.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("FAILED ");
        assertThat(VerifierMain.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(VerifierMain.run(new String[] {"--trust-key", "XYZ", bundle.toString()}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
    }

    @Test
    void blobCorruptedInStore_refusesExport() {
        InMemoryBlobStore store = InMemoryBlobStore.create();
        EvidenceChain c = EvidenceChain.builder("case-x", Violation.PARKING).blobStore(new CorruptingStore(store))
                .signingKeys(InMemorySigningKeys.generate("k")).build();
        c.add(Fixtures.still(Fixtures.T0, true), Fixtures.bytes("abc"), "platform");
        assertThatThrownBy(() -> c.exportBundle(new ByteArrayOutputStream(), "officer-7"))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("no longer match");
        Path target = dir.resolve("refused.zip");
        assertThatThrownBy(() -> c.exportBundle(target, "officer-7")).hasMessageContaining("no longer match");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("refused.zip.partial")).doesNotExist();
    }

    @Test
    void progress_reachesTheTotalOfItemBytes() {
        List<long[]> calls = new ArrayList<>();
        BundleVerifier.builder().progress((done, total) -> calls.add(new long[] {done, total})).build().verify(bundle);
        long total = chain.items().stream().mapToLong(EvidenceItem::sizeBytes).sum();
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(total, total);
    }

    @Test
    void concurrentIntake_fromManyThreads_yieldsAConsistentVerifiableChain() throws Exception {
        EvidenceChain c = EvidenceChain.builder("case-conc", Violation.PARKING).signingKeys(InMemorySigningKeys.generate("k"))
                .build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<EvidenceItem>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                fs.add(pool.submit(() -> c.add(Fixtures.still(Fixtures.T0.plusSeconds(n), n % 2 == 0),
                        Fixtures.bytes("still " + n), "camera-thread")));
            }
            for (var f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(c.items()).hasSize(40);
        assertThat(c.items()).extracting(EvidenceItem::id).doesNotHaveDuplicates();
        Path p = dir.resolve("conc.zip");
        c.exportBundle(p, "officer-1");
        assertThat(BundleVerifier.create().verify(p).problems()).isEmpty();
    }

    static List<String> lines(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).lines().toList();
    }

    static byte[] join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Serves different bytes than were stored, as failing storage would. */
    static final class CorruptingStore implements io.offsite.evidence.spi.BlobStore {
        private final InMemoryBlobStore inner;

        CorruptingStore(InMemoryBlobStore inner) {
            this.inner = inner;
        }

        @Override
        public io.offsite.evidence.spi.BlobRef put(java.io.InputStream content) {
            return inner.put(content);
        }

        @Override
        public java.util.Optional<java.io.InputStream> open(Sha256 sha256) {
            return inner.open(sha256).map(s -> Fixtures.bytes("abd"));
        }

        @Override
        public java.util.Optional<io.offsite.evidence.spi.BlobRef> find(Sha256 sha256) {
            return inner.find(sha256);
        }
    }

    static LinkedHashMap<String, byte[]> copy(LinkedHashMap<String, byte[]> m) {
        return new LinkedHashMap<>(m);
    }
}
