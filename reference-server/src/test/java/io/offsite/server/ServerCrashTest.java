package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server as a real process: 1,000 cars park in the 西城街 fence, their owners are texted through an HTTP SMS
 * gateway (run by this test, which counts every send by key) and the receipts come back through
 * {@code POST /sms/receipts}; in the middle of the ten-minute windows the process is killed with SIGKILL and a new
 * one is started on the same data directory. Every window still ends exactly once: each car's owner text and each
 * officer dispatch is sent exactly once across both processes, none is lost.
 */
class ServerCrashTest {
    private static final int CARS = 1_000;
    private static final String ADMIN = "admin.crash-test-token";
    private static final String CAMERA = "camera.crash-test-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private int port;

    @Test
    void killedMidWindowTheRestartedServerEndsEveryWindowOnceWithoutLosingOrRepeatingAText() throws Exception {
        HttpServer gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/send", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            String key = URLDecoder.decode(query.substring(4, query.indexOf('&')), StandardCharsets.UTF_8);
            sends.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            byte[] ok = ("{\"code\":\"OK\",\"id\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        gateway.start();
        Path dir = Files.createTempDirectory(Path.of("target"), "server-crash-");
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "admin " + HexFormat.of().formatHex(Tokens.hash(ADMIN)) + "\ncamera "
                + HexFormat.of().formatHex(Tokens.hash(CAMERA)) + "\n");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("offsite.yaml");
        Files.writeString(config, "officer-phones:\n  - \"HYZF-1001 13511112222\"\n");
        String smsUrl = "http://localhost:" + gateway.getAddress().getPort() + "/send?key=${key}&to=${to}";
        Instant t0 = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.MINUTES);

        Process first = start(dir, tokens, smsUrl);
        try {
            send("PUT", "/api/v1/fences", ADMIN, OffsiteServer.resource("/demo/fences.geojson"));
            int s = 0;
            for (; s <= 150; s += 5) {
                step(t0, s);
            }
            receipts(t0.plusSeconds(s), "/request-owner-move"); // delivered: the ten minutes start now
            for (; s <= 400; s += 15) {
                step(t0, s);
            }
            assertThat(count("/request-owner-move")).isEqualTo(CARS);
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
            first.waitFor(30, TimeUnit.SECONDS);

            Process second = start(dir, tokens, smsUrl);
            try {
                for (; s <= 900; s += 15) {
                    step(t0, s);
                }
                receipts(t0.plusSeconds(s), "/dispatch-officer");
                clock(t0.plusSeconds(s + 60));
            } finally {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            first.destroyForcibly();
            gateway.stop(0);
        }
        assertThat(count("/request-owner-move")).as("every owner texted, none lost").isEqualTo(CARS);
        assertThat(count("/dispatch-officer")).as("every window ended with a dispatch").isEqualTo(CARS);
        assertThat(sends.values()).as("no key sent twice").allMatch(n -> n.get() == 1);
    }

    private long count(String suffix) {
        return sends.keySet().stream().filter(k -> k.endsWith(suffix)).count();
    }

    /** The clock to t0+s, then every car seen at its place. */
    private void step(Instant t0, int s) throws Exception {
        Instant t = t0.plusSeconds(s);
        clock(t);
        StringBuilder body = new StringBuilder("{\"detections\":[");
        for (int car = 0; car < CARS; car++) {
            double lon = 121.24402 + (car % 40) * 0.000024;
            double lat = 28.63002 + (car / 40) * 0.000022;
            body.append(car == 0 ? "" : ",").append("{\"camera\":\"").append(DemoStreet.PARKING_CAMERA)
                    .append("\",\"time\":\"").append(t).append("\",\"plate\":\"浙J").append(String.format("%05d", car))
                    .append("\",\"confidence\":0.97,\"lon\":").append(lon).append(",\"lat\":").append(lat).append('}');
        }
        String answer = send("POST", "/api/v1/detections", CAMERA, body.append("]}").toString());
        assertThat(answer).contains("\"received\":" + CARS);
    }

    private void clock(Instant t) throws Exception {
        send("POST", "/api/v1/admin/clock", ADMIN, "{\"at\":\"" + t + "\"}");
    }

    /** Tells the server every message sent so far with this key suffix was delivered at {@code at}. */
    private void receipts(Instant at, String suffix) throws Exception {
        for (String key : new ArrayList<>(sends.keySet())) {
            if (key.endsWith(suffix)) {
                send("POST", "/api/v1/sms/receipts", ADMIN, "{\"reference\":\"" + key + "\",\"status\":\"DELIVERED\","
                        + "\"at\":\"" + at + "\"}");
            }
        }
    }

    private String send(String method, String path, String token, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(3)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.body();
    }

    private Process start(Path dir, Path tokens, String smsUrl) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                OffsiteServer.class.getName(), "--port", Integer.toString(port), "--data", dir.toString(),
                "--clock", "manual", "--token-file", tokens.toString(), "--config", dir.resolve("offsite.yaml").toString());
        pb.environment().put("OFFSITE_SMS_URL", smsUrl);
        pb.environment().put("OFFSITE_CAMERAS", DemoStreet.PARKING_CAMERA);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
            if (!p.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(newestLog(dir)));
            }
        }
        throw new AssertionError("server did not start in 60 s");
    }

    private static Path newestLog(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("server-")).max(Path::compareTo).orElseThrow();
        }
    }

}
