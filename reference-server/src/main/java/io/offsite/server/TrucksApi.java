package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.geofence.truck.SiteGateEvent;
import io.offsite.geofence.truck.TruckFinding;
import io.offsite.geofence.truck.TruckMonitor;
import io.offsite.geofence.truck.TruckPosition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Construction-waste trucks: {@code GET|PUT /trucks/permits} (approved corridors, sites and hours),
 * {@code POST /trucks/positions} (GPS positions as JSON; JT/T 808 terminals use the TCP listener),
 * {@code POST /trucks/gate-events} (site-gate camera events: uncovered load, muddy wheels, or a plain passage whose
 * picture later ties the truck to the site in its cases) and
 * {@code GET /trucks/findings} (what the monitor found, with the case each became).
 */
final class TrucksApi implements HttpService {
    /** At most this many positions per request. */
    static final int MAX_BATCH = 10_000;

    private final Enforcement enforcement;
    private final Json json;

    TrucksApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** {@code PUT /trucks/permits}. */
    record Permits(@NotNull @Size(max = 5_000) List<PermitBodies.@NotNull @Valid PermitBody> permits) {
    }

    /** {@code POST /trucks/positions}. */
    record Positions(@NotNull @NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Valid Position> positions) {
    }

    /** One GPS position. */
    record Position(@NotBlank @Size(max = 20) String truckId, @NotBlank String time,
            @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double lon,
            @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double lat,
            @NotNull @DecimalMin("0.0") @DecimalMax("300.0") Double speedKmh,
            @Min(0) @Max(359) Integer heading) {
    }

    /** A site-gate camera event; {@code PASSED} is a plain passage record (出入口过车记录), no violation. */
    record GateEvent(@NotBlank @Size(max = 64) String siteId, @NotBlank @Size(max = 32) String cameraId,
            @NotBlank String time, @NotBlank @Size(max = 16) String plate,
            @NotNull @Pattern(regexp = "UNCOVERED_LOAD|MUDDY_WHEELS|PASSED") String type) {
    }

    /** What a batch of positions did. */
    record Accepted(int received, Map<TruckMonitor.Outcome, Integer> outcomes) {
    }

    /** One finding as the API shows it. */
    record Finding(String id, String kind, String truckId, String plate, String permitNumber, String start,
            String decidedAt, double lon, double lat, String placeId, String cameraId, int trackPositions,
            String trackSha256, String caseId) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/trucks/permits", this::permits)
                .put("/trucks/permits", this::replace)
                .post("/trucks/positions", this::positions)
                .post("/trucks/gate-events", this::gate)
                .get("/trucks/findings", this::findings);
    }

    private void permits(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.ADMIN);
        res.send(new Permits(enforcement.trucks(TruckWatch::permits)));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        Permits body = json.read(req, Permits.class);
        for (int i = 0; i < body.permits().size(); i++) {
            PermitBodies.permit(body.permits().get(i), "/permits/" + i);
        }
        enforcement.trucks(t -> {
            t.replace(body.permits());
            return null;
        });
        res.send(new Permits(body.permits()));
    }

    private void positions(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.CAMERA, Role.ADMIN);
        Positions body = json.read(req, Positions.class);
        List<TruckPosition> ps = new ArrayList<>(body.positions().size());
        for (int i = 0; i < body.positions().size(); i++) {
            Position p = body.positions().get(i);
            String where = "/positions/" + i;
            Instant t = instant(p.time(), where + "/time");
            try {
                ps.add(p.heading() == null ? TruckPosition.of(p.truckId(), t, p.lon(), p.lat(), p.speedKmh())
                        : TruckPosition.of(p.truckId(), t, p.lon(), p.lat(), p.speedKmh(), p.heading()));
            } catch (RuntimeException e) {
                throw ApiException.field(where, e.getMessage());
            }
        }
        Map<TruckMonitor.Outcome, Integer> outcomes = enforcement.trucks(t -> {
            Map<TruckMonitor.Outcome, Integer> m = new EnumMap<>(TruckMonitor.Outcome.class);
            for (TruckMonitor.Outcome o : t.acceptAll(ps)) {
                m.merge(o, 1, Integer::sum);
            }
            return m;
        });
        res.send(new Accepted(ps.size(), outcomes));
    }

    private void gate(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.CAMERA, Role.ADMIN);
        GateEvent g = json.read(req, GateEvent.class);
        if (g.type().equals("PASSED")) {
            Instant t = instant(g.time(), "/time");
            boolean kept = enforcement.trucks(w -> w.passage(g.siteId(), g.cameraId(), t, g.plate()));
            res.status(kept ? 202 : 200).send(Map.of("accepted", kept));
            return;
        }
        SiteGateEvent e;
        try {
            e = new SiteGateEvent(g.siteId(), g.cameraId(), instant(g.time(), "/time"), g.plate(),
                    SiteGateEvent.Type.valueOf(g.type()));
        } catch (ApiException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw ApiException.field("/siteId", ex.getMessage());
        }
        boolean kept;
        try {
            kept = enforcement.trucks(t -> t.gate(e));
        } catch (io.offsite.geofence.GeofenceException ex) {
            throw ApiException.field("/siteId", ex.getMessage());
        }
        res.status(kept ? 202 : 200).send(Map.of("accepted", kept));
    }

    private void findings(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        boolean clear = role == Role.OFFICER || role == Role.LEGAL_REVIEWER;
        List<Finding> out = enforcement.trucks(t -> t.findings().stream().map(f -> view(f, t.caseOf(f.findingId()),
                clear)).toList());
        res.send(out);
    }

    private static Finding view(TruckFinding f, String caseId, boolean clear) {
        return new Finding(f.findingId(), f.kind().name(), clear ? f.truckId() : Masks.phone(f.truckId()),
                clear ? f.plate() : Masks.plate(f.plate()), f.permitNumber(), f.start().toString(),
                f.decidedAt().toString(), f.location().lon(), f.location().lat(), f.placeId(), f.cameraId(),
                f.track().positions().size(), f.track().sha256Hex(), caseId);
    }

    private static Instant instant(String s, String where) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.field(where, "not an ISO-8601 instant such as 2026-12-06T01:00:00Z");
        }
    }
}
