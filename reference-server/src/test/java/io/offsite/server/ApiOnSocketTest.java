package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link ApiContract} over a real socket, plus what only a socket shows (the body limit). */
@ServerTest
class ApiOnSocketTest extends ApiContract {
    private static final long LIMIT = 64 * 1024;
    private static Fixture fixture;
    private final Http1Client client;

    private final int port;

    ApiOnSocketTest(Http1Client client, io.helidon.webserver.WebServer server) {
        super(client);
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.maxPayloadSize(LIMIT);
        server.addFeature(io.helidon.openapi.OpenApiFeature.create());
        server.directHandlers(new ProblemWriter(new com.fasterxml.jackson.databind.ObjectMapper()).directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        fixture = new Fixture();
        fixture.routing(routing);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Override
    Fixture fixture() {
        return fixture;
    }

    @Test
    void effectsStreamAsServerSentEvents() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/v1/episodes/stream"))
                .header("Authorization", "Bearer " + fixture.tokens.get(Role.OFFICER)).build();
        java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.util.stream.Stream<String>>> open =
                http.sendAsync(get, java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.net.http.HttpResponse<java.util.stream.Stream<String>> res = open.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        Thread feeder = Thread.ofVirtual().start(() -> {
            synchronized (fixture) {
                park(3 * 60, java.util.List.of("浙J55555"), java.util.List.of(new double[] {121.24461, 28.63021}));
            }
        });
        java.util.Optional<String> first = res.body().filter(l -> l.startsWith("event:")).findFirst();
        feeder.join();
        assertThat(first).hasValueSatisfying(l -> assertThat(l).isEqualTo("event:RequestOwnerMove"));
    }

    @Test
    void openApiDocumentAndRoutingMatchBothWays() throws Exception {
        java.net.http.HttpResponse<String> doc = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/openapi"))
                        .header("Accept", "application/json").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(doc.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode openapi = JSON.readTree(doc.body());
        assertThat(openapi.get("openapi").asText()).startsWith("3.1");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + OffsiteServer.API + p.getKey())));
        java.util.Set<String> routed = RouteRecorder.routes(OffsiteServer.services(fixture.parts()));
        assertThat(documented).isEqualTo(routed);
        for (String route : routed) { // every routed path answers from its handler, not "Endpoint not found"
            if (route.endsWith("/stream")) {
                continue; // answers with an endless event stream: effectsStreamAsServerSentEvents covers it
            }
            String[] mp = route.split(" ", 2);
            String path = mp[1].replace("{id}", "331003-2026-NONE").replace("{item}", "item-0001");
            Res r = call(io.helidon.http.Method.create(mp[0]), path, Role.ADMIN, mp[0].equals("GET")
                    || mp[0].equals("DELETE") ? null : "{}");
            assertThat(r.body()).as(route).doesNotContain("Endpoint not found");
        }
    }

    @Test
    void oversizedBodyIsA413Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/detections HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + fixture.tokens.get(Role.CAMERA) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + (LIMIT * 4) + "\r\n\r\n{\"detections\":[";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(2_000), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("max-body-bytes");
        }
    }
}
