package io.offsite.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.offsite.devices.jt808.BatchLocationUpload;
import io.offsite.devices.jt808.InMemoryJt808Terminals;
import io.offsite.devices.jt808.Jt808Message;
import io.offsite.devices.jt808.Location;
import io.offsite.devices.jt808.LocationReport;
import io.offsite.geofence.truck.TruckPosition;
import io.helidon.http.media.MediaContext;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.webserver.WebServer;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.offsite.devices.IsapiParser;
import io.offsite.evidence.FileSystemBlobStore;
import io.offsite.notify.HttpGateway;
import io.offsite.notify.SimulatedGateway;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendResult;
import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The OffSite reference server: Helidon SE 4 on virtual threads, serving {@code /api/v1} over the libraries wired by
 * {@link Enforcement}, with every state in the database ({@code store-jdbc}: embedded H2 in the data directory by
 * default, PostgreSQL by configuration). Run {@code java -jar offsite-server.jar --demo} to watch the Huangyan demo
 * street; {@link ServerOptions#USAGE} lists the options.
 */
public final class OffsiteServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OffsiteServer.class);
    /** Where the API is served. */
    static final String API = "/api/v1";
    private static final String EMPTY = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    private final WebServer web;
    private final Enforcement enforcement;
    private final OffsiteDatabase db;
    private final AutoCloseable pool;
    /** Every this many pump rounds (100 ms each) the grid and fences are checked for other servers' writes. */
    private static final long PLACES_REFRESH_ROUNDS = 50;
    private final Thread pump;
    private final Jt808Listener jt808;
    /** Null without an {@code outbox-retention}. */
    private final OutboxPurger purger;
    private volatile boolean running = true;

    private OffsiteServer(WebServer web, Enforcement enforcement, OffsiteDatabase db, AutoCloseable pool, Thread pump,
            Jt808Listener jt808, OutboxPurger purger) {
        this.jt808 = jt808;
        this.purger = purger;
        this.web = web;
        this.enforcement = enforcement;
        this.db = db;
        this.pool = pool;
        this.pump = pump;
    }

    /** Starts the server; {@code out} gets the start banner, the tokens made for this run and the demo timeline. */
    static OffsiteServer start(ServerOptions o, PrintStream out) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ServerClock clock = o.manualClock() ? ServerClock.manual(start)
                : o.demo() ? ServerClock.accelerated(start, o.demoSpeed()) : ServerClock.system();
        HikariDataSource pool = null;
        OffsiteDatabase db;
        if (o.jdbcUrl().isEmpty()) {
            db = OffsiteDatabase.embedded(o.dataDir().resolve("db"), clock);
        } else {
            HikariConfig hc = new HikariConfig();
            hc.setJdbcUrl(o.jdbcUrl());
            hc.setUsername(o.jdbcUser());
            hc.setPassword(o.jdbcPassword());
            hc.setMaximumPoolSize(16);
            hc.setPoolName("offsite");
            pool = new HikariDataSource(hc);
            db = OffsiteDatabase.builder(pool).clock(clock).open();
        }
        Places places = Places.open(JdbcDocuments.create(db), o.dataDir(), resource("/demo/huangyan-district.geojson"),
                o.demo() ? resource("/demo/fences.geojson") : EMPTY,
                g -> new Directory(g, officerPhones(o), o.demo() ? DemoStreet.OWNERS : Map.of()));
        List<SimulatedGateway> simulated = new java.util.ArrayList<>();
        Gateway sms;
        if (o.smsUrl().isEmpty()) {
            SimulatedGateway sim = SimulatedGateway.builder().seed(7).latency(Duration.ofSeconds(2), Duration.ofSeconds(6))
                    .build();
            simulated.add(sim);
            sms = req -> req.to().equals(DemoStreet.OUT_OF_SERVICE)
                    ? SendResult.rejected("number out of service (空号)") : sim.send(req);
        } else {
            sms = HttpGateway.builder(o.smsUrl()).timeout(Duration.ofSeconds(5)).build();
        }
        Gateway speaker;
        if (o.speakerUrl().isEmpty()) {
            SimulatedGateway sim = SimulatedGateway.builder().seed(8).latency(Duration.ofSeconds(1), Duration.ofSeconds(3))
                    .build();
            simulated.add(sim);
            speaker = sim;
        } else {
            speaker = HttpGateway.builder(o.speakerUrl()).timeout(Duration.ofSeconds(5)).build();
        }
        FileSystemBlobStore blobs = FileSystemBlobStore.open(o.dataDir().resolve("blobs"));
        List<String> siteLines = new java.util.ArrayList<>(o.isapiSites());
        if (o.demo()) {
            siteLines.addAll(DemoStreet.ISAPI_SITES);
        }
        CameraSites sites = CameraSites.parse(siteLines);
        PushedPictures pictures = new PushedPictures(blobs, snapshots(o, sites, clock::instant));
        Premises premises = Premises.open(JdbcDocuments.create(db), o.dataDir(),
                o.demo() ? resource("/demo/objects.geojson") : EMPTY,
                o.demo() ? resource("/demo/operators.json") : "[]", Premises.databaseFiles(db));
        Enforcement enforcement = new Enforcement(clock, db, places, o.dataDir(), blobs, sms, speaker, simulated,
                pictures, premises, o.demo() ? resource("/demo/trucks.json") : "[]", recorder(o, sites));
        DemoTimeline timeline = o.demo() ? DemoStreet.printTimeline(enforcement, out) : null;

        Tokens tokens;
        Map<Role, String> printed = Map.of();
        if (o.tokenFile().isPresent()) {
            tokens = Tokens.load(o.tokenFile().get());
        } else {
            Map.Entry<Tokens, Map<Role, String>> made = Tokens.generate();
            tokens = made.getKey();
            printed = made.getValue();
        }
        Json json = new Json(PlainMessages.validator());
        ProblemWriter problems = new ProblemWriter(json.mapper());
        Set<String> cameras = new HashSet<>(o.cameras());
        cameras.addAll(sites.cameraIds());
        if (o.demo()) {
            cameras.addAll(DemoStreet.CAMERAS);
        }
        Parts parts = new Parts(enforcement, json, problems, tokens, cameras, o.dataDir().resolve("scratch"), sites, pictures);
        Observability observability = new Observability(enforcement);
        WebServer web = WebServer.builder().port(o.port()).maxPayloadSize(o.maxBodyBytes()).shutdownHook(false)
                .mediaContext(MediaContext.builder().addMediaSupport(JacksonSupport.create(json.mapper())).build())
                .featuresDiscoverServices(false).addFeature(observability.feature()).addFeature(OpenApiFeature.create())
                .directHandlers(problems.directHandlers())
                .routing(r -> {
                    r.addFilter(observability.latency());
                    routing(r, parts);
                }).build().start();

        out.println("OffSite reference server on http://localhost:" + web.port() + "/api/v1  (data in "
                + o.dataDir().toAbsolutePath() + ", database " + db.dialect() + ", clock "
                + (o.manualClock() ? "manual" : o.demo() ? "demo ×" + o.demoSpeed() : "system") + ")");
        printed.forEach((role, token) -> out.println("  token for " + role.label() + ": " + token));
        if (o.demo()) {
            out.println("demo street (Huangyan: 西城街, 青年路, 劳动北路, 天长南路 and the 双江路 haul road), " + DemoStreet.SCRIPT.size() + " road users:\n"
                    + DemoStreet.describeScript() + "try: curl -H 'Authorization: Bearer " + printed.getOrDefault(Role.OFFICER, "<officer token>")
                    + "' http://localhost:" + web.port() + "/api/v1/episodes");
        }
        int jt808Port = o.jt808Port() >= 0 ? o.jt808Port() : o.demo() ? 0 : -1;
        Jt808Listener jt808 = jt808Port < 0 ? null : Jt808Listener.builder(InMemoryJt808Terminals.open(),
                m -> trucks(enforcement, m)).port(jt808Port).clock(clock).start();
        if (jt808 != null) {
            out.println("JT/T 808 truck terminals on tcp port " + jt808.port());
        }
        OffsiteServer[] self = new OffsiteServer[1];
        DemoStreet street = o.demo() ? new DemoStreet(enforcement, clock.instant(),
                new DemoTerminal(jt808.port(), DemoStreet.TRUCK, "浙J58821")) : null;
        Thread pump = Thread.ofVirtual().name("offsite-pump").unstarted(() -> self[0].pumpLoop(street, timeline,
                out, web.port()));
        OutboxPurger purger = o.outboxRetention().map(r -> new OutboxPurger(r, enforcement::purgeOutbox)).orElse(null);
        self[0] = new OffsiteServer(web, enforcement, db, pool, pump, jt808, purger);
        o.outboxRetention().ifPresentOrElse(r -> out.println("outbox: delivered and dead-lettered texts are purged "
                + OutboxPurger.iso(r) + " after their outcome"), () -> LOG.info("outbox: final texts are kept (no"
                + " outbox-retention)"));
        pump.start();
        return self[0];
    }

    /** A JT/T 808 location (or a batch of them) → the truck monitor; other messages need no action here. */
    static void trucks(Enforcement enforcement, Jt808Message m) {
        List<Location> locations = m instanceof LocationReport r ? List.of(r.location())
                : m instanceof BatchLocationUpload b ? b.locations() : List.of();
        if (locations.isEmpty()) {
            return;
        }
        String phone = m.header().phone();
        List<TruckPosition> positions = new java.util.ArrayList<>(locations.size());
        for (Location l : locations) {
            try {
                positions.add(TruckPosition.of(phone, l.time(), l.longitude(), l.latitude(), l.speedKmh(), l.heading()));
            } catch (RuntimeException e) {
                LOG.warn("JT/T 808 location from terminal {} refused: {}", io.offsite.core.Masks.phone(phone),
                        io.offsite.core.Masks.exception(e).getMessage());
            }
        }
        if (!positions.isEmpty()) {
            enforcement.trucks(t -> t.acceptAll(positions));
        }
    }

    /**
     * Where evidence stills and clips come from when no camera pushed one: in the demo the simulated cameras; with
     * {@code isapi.user} set the camera's live picture (an instant near now), else its recorder's playback; and
     * otherwise nothing (outside the demo a missing still or clip is a named gap, never a made-up picture).
     */
    static CameraSnapshots snapshots(ServerOptions o, CameraSites sites, java.util.function.Supplier<Instant> now) {
        if (o.demo()) {
            return new SimulatedCameras();
        }
        if (o.isapiUser().isEmpty()) {
            return new NoRecorder();
        }
        return new IsapiPictureFetch(sites, o.isapiUser(), o.isapiPassword(), now, new NoRecorder());
    }

    /**
     * The recorder's playback for what {@link #snapshots} cannot give at once ({@link IsapiRecorder}, fetched by
     * {@link RecorderFetches} outside the engine's lock); empty in the demo or without ISAPI credentials.
     */
    static java.util.Optional<CameraSnapshots> recorder(ServerOptions o, CameraSites sites) {
        return o.demo() || o.isapiUser().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new IsapiRecorder(sites, o.isapiUser(), o.isapiPassword(), new NoRecorder()));
    }

    private static Map<io.offsite.core.grid.OfficerId, String> officerPhones(ServerOptions o) {
        Map<io.offsite.core.grid.OfficerId, String> phones = new java.util.HashMap<>(o.demo() ? DemoStreet.OFFICERS
                : Map.of());
        phones.putAll(o.officerPhoneBook());
        return phones;
    }

    private void pumpLoop(DemoStreet street, DemoTimeline timeline, PrintStream out, int port) {
        boolean demoRunning = street != null;
        long rounds = 0;
        while (running) {
            try {
                if (++rounds % PLACES_REFRESH_ROUNDS == 0) {
                    if (enforcement.places().refresh()) {
                        LOG.info("grid or fences changed by another server: reloaded");
                    }
                    if (enforcement.premises().refresh()) {
                        LOG.info("managed objects or operators changed by another server: reloaded");
                    }
                }
                if (demoRunning && !street.step()) {
                    demoRunning = false;
                    timeline.flush();
                    out.println("demo street finished; the API stays up on http://localhost:" + port + "/api/v1"
                            + " (cases: GET /api/v1/cases, timeline: GET /api/v1/cases/{id}/timeline)");
                }
                enforcement.pump();
                if (timeline != null) {
                    timeline.advance(enforcement.now());
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("pump: {}", io.offsite.core.Masks.exception(e).getMessage(), e);
            }
        }
    }

    /** Whether the outbox purger is still running (it ends when the server closes). */
    boolean purging() {
        return purger != null && purger.running();
    }

    /** What the routing is made of (the server's wiring; tests build their own). */
    record Parts(Enforcement enforcement, Json json, ProblemWriter problems, Tokens tokens, Set<String> cameras,
            java.nio.file.Path scratch, CameraSites sites, PushedPictures pictures) {
    }

    static void routing(HttpRouting.Builder r, Parts p) {
        p.problems().register(r);
        r.addFilter(new Auth(p.tokens(), p.problems()));
        List<HttpService> services = services(p);
        r.register(API, services.toArray(HttpService[]::new));
        r.any(API + "/*", new MethodNotAllowed(RouteRecorder.routes(services)));
    }

    /** Every service under {@link #API}: the routing, the OpenAPI document test and the fuzz test use this list. */
    static List<HttpService> services(Parts p) {
        Enforcement e = p.enforcement();
        return List.of(new DetectionsApi(e, p.json(), p.cameras()), new IsapiApi(e, IsapiParser.create(), p.sites(),
                p.pictures()), new PlacesApi(e.places()), new EpisodesApi(e), new CasesApi(e, p.json()),
                new EvidenceApi(e, p.scratch()), new OutboxApi(e, p.json()), new PenaltiesApi(e, p.json()),
                new AdminApi(e, p.json()), new TrucksApi(e, p.json()), new PatrolsApi(e, p.json()));
    }

    static String resource(String name) {
        try (InputStream in = OffsiteServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return web.port();
    }

    Enforcement enforcement() {
        return enforcement;
    }

    @Override
    public void close() {
        running = false; // the pump ends after its round; an interrupt could close H2's file channel mid-write
        if (purger != null) {
            purger.close();
        }
        try {
            pump.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.stop();
        if (jt808 != null) {
            jt808.close();
        }
        enforcement.close();
        db.close();
        if (pool != null) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.warn("closing the pool: {}", e.getMessage());
            }
        }
    }

    /** Starts the server from the command line and the environment; stops it on SIGTERM / Ctrl-C. */
    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ServerOptions o;
        try {
            o = ServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("offsite-server: " + e.getMessage() + "\n" + ServerOptions.USAGE);
            System.exit(2);
            return;
        }
        OffsiteServer s;
        try {
            s = start(o, System.out);
        } catch (RuntimeException e) {
            LOG.debug("start failed", e);
            System.err.println("offsite-server: cannot start: " + io.offsite.core.Masks.exception(e).getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(s::close, "offsite-shutdown"));
    }
}
