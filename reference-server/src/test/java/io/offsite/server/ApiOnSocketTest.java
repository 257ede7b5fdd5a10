package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
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

    ApiOnSocketTest(Http1Client client) {
        super(client);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.maxPayloadSize(LIMIT);
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
    void oversizedBodyIsA413() {
        String big = "{\"detections\":[" + "{\"camera\":\"x\"},".repeat(10_000) + "{}]}";
        try (HttpClientResponse r = client.post("/api/v1/detections")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + fixture.tokens.get(Role.CAMERA))
                .header(HeaderNames.CONTENT_TYPE, "application/json").submit(big)) {
            assertThat(r.status().code()).isEqualTo(413);
        }
    }
}
