package io.offsite.benchmarks.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The reference server under load, as an integrator's camera gateway would drive it: the server runs as its own
 * process ({@code java -jar reference-server/target/offsite-server.jar}, embedded H2 in a fresh data directory,
 * system clock, simulated SMS) with 400 no-parking fences over Huangyan, and the benchmark threads post batches of
 * 100 detections to {@code POST /api/v1/detections} over loopback. Each thread drives its own 5,000 vehicles
 * over 40 cameras: a third of them parked inside a fence (they become episodes, owner texts and windows), the rest
 * passing through. {@code detections} measures throughput (detections/s); {@code batchLatency} the latency of one
 * batch (JMH's sample mode gives p50/p99). The tear-down reads {@code /observe/metrics} and fails the run unless the
 * server accepted detections and tracks the parked ones inside fences (owner texts follow after the fences' 2-minute
 * dwell, so only trials longer than that decide texts; the count is printed).
 */
@State(Scope.Benchmark)
public class ServerLoadBenchmark {
    static final int BATCH = 100;
    private static final String TOKEN = "camera.load-benchmark";
    private static final String ADMIN = "admin.load-benchmark";
    private static final int CAMERAS = 40;

    /** The server jar, relative to where the benchmark is started (the repository root). */
    @Param("reference-server/target/offsite-server.jar")
    public String serverJar;

    private Process server;
    private Path dir;
    private int port;
    HttpClient http;
    private final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path jar = Path.of(serverJar);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first with "
                    + "mvn -B -q -DskipTests package -pl reference-server -am");
        }
        dir = Files.createTempDirectory("offsite-load-");
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "camera " + sha256(TOKEN) + "\nadmin " + sha256(ADMIN) + "\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringBuilder cameras = new StringBuilder();
        for (int c = 0; c < CAMERAS; c++) {
            cameras.append(c == 0 ? "" : ",").append(camera(c));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx4g", "-jar", jar.toString(), "--port",
                Integer.toString(port), "--data", dir.resolve("data").toString(), "--token-file", tokens.toString());
        pb.environment().put("OFFSITE_CAMERAS", cameras.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        server = pb.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/observe/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the server did not start: " + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(200);
        }
        post("PUT", "/api/v1/fences", ADMIN, fences());
    }

    /** 400 no-parking fences, 60 m × 20 m, on a 20 × 20 lattice over the district's streets. */
    static String fences() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 400; i++) {
            double lon = fenceLon(i);
            double lat = fenceLat(i);
            String cell = lon < 121.25 ? "HY-1-A-1" : lon < 121.26 ? "HY-1-A-2" : lon < 121.27 ? "HY-2-A-1" : "HY-2-A-2";
            sb.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"id\":\"np-").append(i)
                    .append("\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[").append(lon).append(',').append(lat)
                    .append("],[").append(lon + 0.0006).append(',').append(lat).append("],[").append(lon + 0.0006).append(',')
                    .append(lat + 0.00018).append("],[").append(lon).append(',').append(lat + 0.00018).append("],[")
                    .append(lon).append(',').append(lat).append("]]]},\"properties\":{\"kind\":\"NO_PARKING\",\"cell\":\"")
                    .append(cell).append("\"}}");
        }
        return sb.append("]}").toString();
    }

    static double fenceLon(int i) {
        return 121.2405 + (i % 20) * 0.00195;
    }

    static double fenceLat(int i) {
        return 28.6205 + (i / 20) * 0.00095;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        try {
            String metrics = http.send(HttpRequest.newBuilder(uri("/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long accepted = metric(metrics, "offsite_detections_total\\{intake=\"ACCEPTED\"");
            long texts = metric(metrics, "offsite_effects_total\\{scope=\"application\",type=\"RequestOwnerMove\"");
            long tracked = metric(metrics, "offsite_tracked_subjects\\{");
            System.out.println("server: " + accepted + " detections accepted, " + tracked + " vehicles tracked in fences, "
                    + texts + " owner texts decided (texts need the 2-minute dwell: shorter trials decide none)");
            if (accepted == 0 || tracked == 0) {
                throw new IllegalStateException("the load did not exercise the engine: accepted " + accepted
                        + ", tracked in fences " + tracked);
            }
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static long metric(String text, String prefix) {
        Matcher m = Pattern.compile("^" + prefix + "[^}]*} ([0-9.Ee+]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** One benchmark thread's vehicles. */
    @State(Scope.Thread)
    public static class Street {
        int thread;
        long next;
        final SplittableRandom random = new SplittableRandom();

        @Setup(Level.Trial)
        public void join(ServerLoadBenchmark b) {
            thread = b.threads.getAndIncrement();
        }

        /** The next batch: 100 vehicles of this thread's 5,000, seen now. */
        String batch() {
            Instant now = Instant.now();
            StringBuilder sb = new StringBuilder(16_000).append("{\"detections\":[");
            for (int i = 0; i < BATCH; i++, next++) {
                int vehicle = (int) (next % 5_000);
                double lon;
                double lat;
                if (vehicle % 3 == 0) { // parked in fence (thread, vehicle) at a fixed place
                    int f = (vehicle / 3 + thread * 37) % 400;
                    lon = fenceLon(f) + 0.0001 + (vehicle % 7) * 0.00006;
                    lat = fenceLat(f) + 0.00004 + (vehicle % 5) * 0.00002;
                } else {
                    lon = 121.241 + random.nextDouble() * 0.038;
                    lat = 28.621 + random.nextDouble() * 0.038;
                }
                sb.append(i == 0 ? "" : ",").append("{\"camera\":\"").append(camera(vehicle % CAMERAS))
                        .append("\",\"time\":\"").append(now).append("\",\"plate\":\"浙J").append((char) ('A' + thread % 26))
                        .append(String.format("%04d", vehicle)).append("\",\"confidence\":0.93,\"lon\":")
                        .append(lon).append(",\"lat\":").append(lat).append('}');
            }
            return sb.append("]}").toString();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OperationsPerInvocation(BATCH)
    public String detections(Street street) throws Exception {
        return post("POST", "/api/v1/detections", TOKEN, street.batch());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String batchLatency(Street street) throws Exception {
        return post("POST", "/api/v1/detections", TOKEN, street.batch());
    }

    String post(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String camera(int c) {
        return String.format("331003000013210%05d", c);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
