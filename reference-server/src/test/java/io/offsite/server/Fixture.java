package io.offsite.server;

import io.helidon.webserver.http.HttpRouting;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendResult;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A server's routing over a fresh data directory (embedded H2), a manual clock at {@link #T0}, the demo grid,
 * fences, cameras and phone book, the simulated SMS gateway (rejecting the out-of-service number) and one known
 * token per role.
 */
final class Fixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z"); // 09:00 in Huangyan, a Monday
    final Path dir;
    final ServerClock clock;
    final OffsiteDatabase db;
    final Enforcement enforcement;
    final Map<Role, String> tokens;
    private final Tokens tokenHashes;
    final Json json;
    final PushedPictures pictures;

    Fixture() {
        this(newDir(), null);
    }

    /**
     * A fixture over data directory {@code dir} (blobs, keys, grid, fences) and the database {@code open} gives for the
     * clock (null = embedded H2 in {@code dir}).
     */
    Fixture(Path dir, java.util.function.Function<java.time.Clock, OffsiteDatabase> open) {
        this(dir, open, T0);
    }

    /** The same, with the manual clock starting at {@code start} (a server restarted later). */
    Fixture(Path dir, java.util.function.Function<java.time.Clock, OffsiteDatabase> open, Instant start) {
        this.clock = ServerClock.manual(start);
        this.dir = dir;
        db = open == null ? OffsiteDatabase.embedded(dir.resolve("db"), clock) : open.apply(clock);
        Places places = Places.open(io.offsite.store.jdbc.JdbcDocuments.create(db), dir, OffsiteServer.resource("/demo/huangyan-district.geojson"),
                OffsiteServer.resource("/demo/fences.geojson"),
                g -> new Directory(g, DemoStreet.OFFICERS, DemoStreet.OWNERS));
        SimulatedGateway sim = SimulatedGateway.builder().seed(11).latency(Duration.ofSeconds(2), Duration.ofSeconds(4))
                .build();
        Gateway sms = req -> req.to().equals(DemoStreet.OUT_OF_SERVICE) ? SendResult.rejected("number out of service")
                : sim.send(req);
        io.offsite.evidence.FileSystemBlobStore blobs = io.offsite.evidence.FileSystemBlobStore.open(dir.resolve("blobs"));
        pictures = new PushedPictures(blobs, new SimulatedCameras());
        SimulatedGateway speakers = SimulatedGateway.builder().seed(12).latency(Duration.ofSeconds(1),
                Duration.ofSeconds(2)).build();
        Premises premises = Premises.open(io.offsite.store.jdbc.JdbcDocuments.create(db), dir, OffsiteServer.resource("/demo/objects.geojson"),
                OffsiteServer.resource("/demo/operators.json"), Premises.databaseFiles(db));
        enforcement = new Enforcement(clock, db, places, dir, blobs, sms, speakers, java.util.List.of(sim, speakers),
                pictures, premises, OffsiteServer.resource("/demo/trucks.json"), java.util.Optional.empty());
        Map.Entry<Tokens, Map<Role, String>> made = Tokens.generate();
        tokenHashes = made.getKey();
        tokens = made.getValue();
        json = new Json(PlainMessages.validator());
    }

    static Path newDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "server-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void routing(HttpRouting.Builder r) {
        OffsiteServer.routing(r, parts());
    }

    OffsiteServer.Parts parts() {
        return new OffsiteServer.Parts(enforcement, json, new ProblemWriter(json.mapper()), tokenHashes,
                DemoStreet.CAMERAS, dir.resolve("scratch"), CameraSites.parse(DemoStreet.ISAPI_SITES), pictures);
    }

    @Override
    public void close() {
        enforcement.close();
        db.close();
    }
}
