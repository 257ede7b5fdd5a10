package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code POST /api/v1/admin/clock} (only with {@code --clock manual}): sets the engine's clock and runs the timers
 * due by then — a test or a replay moves time instead of waiting for it.
 */
final class AdminApi implements HttpService {
    private final Enforcement enforcement;
    private final Json json;

    AdminApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** The new time. */
    record ClockBody(@NotBlank String at) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/admin/clock", this::clock);
    }

    private void clock(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        if (!enforcement.clock().isManual()) {
            throw ApiException.conflict("the clock is the system's; start the server with --clock manual to set it");
        }
        ClockBody b = json.read(req, ClockBody.class);
        Instant at;
        try {
            at = Instant.parse(b.at());
        } catch (DateTimeParseException e) {
            throw ApiException.field("/at", "not an ISO-8601 instant");
        }
        try {
            enforcement.clock().set(at);
        } catch (IllegalArgumentException e) {
            throw ApiException.field("/at", e.getMessage());
        }
        enforcement.pump();
        res.send(Map.of("now", enforcement.now().toString(), "openEpisodes", enforcement.episodes().size()));
    }
}
