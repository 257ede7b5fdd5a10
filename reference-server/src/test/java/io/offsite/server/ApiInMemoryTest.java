package io.offsite.server;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.AfterAll;

/** {@link ApiContract} through Helidon's in-memory routing client (no socket). */
@RoutingTest
class ApiInMemoryTest extends ApiContract {
    private static Fixture fixture;

    ApiInMemoryTest(DirectClient client) {
        super(client);
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
}
