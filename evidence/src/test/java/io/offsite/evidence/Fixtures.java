package io.offsite.evidence;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.violation.Violation;
import io.offsite.testkit.SettableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Shared test data: a parking case and bundle rewriting helpers. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final GeoPoint SPOT = GeoPoint.of(121.2551, 28.6341);
    static final String CAMERA = "33100300001321000001";

    private Fixtures() {
    }

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static ItemSpec still(Instant at, boolean plate) {
        return ItemSpec.builder(ItemKind.STILL, "image/jpeg", at, CAMERA).location(SPOT)
                .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(300)).stationary(true)
                .plateLegible(plate).subject("浙J12345").build();
    }

    static ItemSpec sms(Instant sent, Instant delivered) {
        return ItemSpec.builder(ItemKind.SMS_RECORD, "application/json", sent, "sms-gateway").sms(sent, delivered)
                .subject("浙J12345").build();
    }

    /** A parking chain with 3 stills over 11 minutes and an SMS record. */
    static EvidenceChain parkingChain(String caseId) {
        EvidenceChain chain = EvidenceChain.builder(caseId, Violation.PARKING)
                .signingKeys(InMemorySigningKeys.generate("agency-key-1"))
                .timestampAuthority(LocalTimestampAuthority.create("test-tsa", SettableClock.at(T0.plusSeconds(5000))))
                .clock(SettableClock.at(T0.plusSeconds(3600))).build();
        chain.add(still(T0, true), bytes("still-1 jpeg bytes"), "platform");
        chain.add(sms(T0.plusSeconds(20), T0.plusSeconds(25)), bytes("{\"sms\":\"please move\"}"), "platform");
        chain.add(still(T0.plusSeconds(300), false), bytes("still-2 jpeg bytes"), "platform");
        chain.add(still(T0.plusSeconds(660), true), bytes("still-3 jpeg bytes"), "platform");
        chain.recordView("item-0001", "officer-7");
        chain.seal("officer-7");
        chain.recordShare("item-0003", "officer-7", "court clerk");
        return chain;
    }

    /** Reads all entries of a bundle in order. */
    static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(bundle, StandardOpenOption.READ)) {
            for (StrictZipReader.Entry e : StrictZipReader.read(ch)) {
                try (InputStream in = StrictZipReader.open(ch, e)) {
                    out.put(e.name(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Writes a new bundle with the same layout but the entries transformed. */
    static Path rewrite(Path bundle, Path target, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> e = change.apply(entries(bundle));
        try (var out = Files.newOutputStream(target)) {
            StoredZipWriter w = new StoredZipWriter(out);
            for (Map.Entry<String, byte[]> x : e.entrySet()) {
                w.add(x.getKey(), x.getValue());
            }
            w.finish();
        }
        return target;
    }
}
