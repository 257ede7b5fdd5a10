package io.offsite.examples.evidence;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.violation.Violation;
import io.offsite.evidence.BundleVerifier;
import io.offsite.evidence.CaseContext;
import io.offsite.evidence.CompletenessReport;
import io.offsite.evidence.CompletenessRules;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.FileSystemBlobStore;
import io.offsite.evidence.InMemorySigningKeys;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import io.offsite.evidence.LocalTimestampAuthority;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.evidence.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A parking case's evidence chain end to end: three stills and the SMS record go into a filesystem blob
 * store, completeness is checked, the case is sealed and exported as a bundle, the bundle is verified,
 * then one byte is flipped and the verifier says exactly what changed.
 */
public final class EvidenceDemo {
    private static final String CAMERA = "33100300001321000001";

    private EvidenceDemo() {
    }

    /** Runs the demo, printing to {@code out}. */
    public static void run(PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("offsite-evidence-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            demo(out, dir);
        } finally {
            deleteTree(dir);
        }
    }

    private static void demo(PrintStream out, Path dir) {
        Instant firstSeen = Instant.parse("2026-03-02T01:00:00Z");
        Clock clock = Clock.fixed(firstSeen.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        EvidenceChain chain = EvidenceChain.builder("331003-2026-000123", Violation.PARKING)
                .blobStore(FileSystemBlobStore.open(dir.resolve("blobs")))
                .signingKeys(InMemorySigningKeys.generate("huangyan-enforcement-2026"))
                .timestampAuthority(LocalTimestampAuthority.create("demo-tsa (not RFC 3161)", clock))
                .clock(clock).build();
        GeoPoint spot = GeoPoint.of(121.25515, 28.63415);
        int[] offsets = {0, 300, 660};
        for (int i = 0; i < offsets.length; i++) {
            ItemSpec still = ItemSpec.builder(ItemKind.STILL, "image/jpeg", firstSeen.plusSeconds(offsets[i]), CAMERA)
                    .location(spot).deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(200))
                    .stationary(true).plateLegible(i != 1).subject("浙J12345").build();
            chain.add(still, stream("JPEG still " + i + " of 浙J12345"), "platform");
        }
        ItemSpec sms = ItemSpec.builder(ItemKind.SMS_RECORD, "application/json", firstSeen.plusSeconds(20),
                "sms-gateway").sms(firstSeen.plusSeconds(20), firstSeen.plusSeconds(24)).subject("浙J12345").build();
        chain.add(sms, stream("{\"to\":\"138****1111\",\"text\":\"请在10分钟内驶离\"}"), "platform");
        chain.recordView("item-0001", "HYZF-0371");
        out.println("chain: " + chain.items().size() + " items, custody log " + chain.custodyLog().size()
                + " entries");

        GeometryFactory gf = new GeometryFactory();
        Polygon fence = gf.createPolygon(new Coordinate[] {new Coordinate(121.2550, 28.6340),
            new Coordinate(121.2553, 28.6340), new Coordinate(121.2553, 28.6343), new Coordinate(121.2550, 28.6343),
            new Coordinate(121.2550, 28.6340)});
        CaseContext ctx = CaseContext.builder(Violation.PARKING, clock.instant()).fence(fence)
                .moveWindow(Duration.ofMinutes(10)).windowEnd(firstSeen.plusSeconds(24 + 600)).build(); // dispatch 10 min after delivery
        CompletenessReport report = CompletenessRules.defaults().check(chain, ctx);
        out.println("complete: " + report.complete() + " (" + report.findings().size() + " checks)");
        report.findings().forEach(f -> out.println("  " + f.status() + " " + f.ruleId() + " — " + f.detail()));

        SignedTreeHead sealed = chain.seal("HYZF-0371");
        out.println("sealed: log size " + sealed.treeSize() + ", root " + sealed.rootHash());
        Path bundle = dir.resolve("331003-2026-000123.zip");
        chain.exportBundle(bundle, "HYZF-0371");
        VerificationReport ok = BundleVerifier.create().verify(bundle);
        out.println("verify exported bundle: " + (ok.ok() ? "OK" : "FAILED " + ok.problems()));

        try {
            byte[] bytes = Files.readAllBytes(bundle);
            int pos = indexOf(bytes, "JPEG still 1".getBytes(StandardCharsets.UTF_8));
            bytes[pos] ^= 0x01;
            Path tampered = Files.write(dir.resolve("tampered.zip"), bytes);
            VerificationReport bad = BundleVerifier.create().verify(tampered);
            out.println("verify after flipping byte " + pos + ": " + (bad.ok() ? "OK (!)" : "FAILED"));
            bad.problems().forEach(p -> out.println("  " + p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found in bundle");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the demo on standard output. */
    public static void main(String[] args) {
        run(System.out);
    }
}
