package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.ObjectCategory;
import io.offsite.core.patrol.FootprintCheck;
import io.offsite.core.patrol.FootprintComparison;
import io.offsite.core.patrol.IllegalBuildingFinding;
import io.offsite.core.patrol.PatrolPlan;
import io.offsite.core.patrol.PatrolPlanner;
import io.offsite.core.patrol.PatrolTarget;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.io.WKTWriter;

/**
 * Managed objects and drone patrols: {@code GET|PUT /objects}, {@code PUT /operators}, {@code GET /objects/{id}/file} ("one enterprise, one
 * file", 一企一档), {@code POST /patrols/plan} (sorties that visit every enterprise within the period under the
 * battery limit, and what could not be reached), {@code POST /patrols} (a flown sortie, recorded in each visited
 * enterprise's file) and {@code POST /buildings/compare} (an observed footprint against the permitted one; an excess
 * over the threshold is an illegal-building finding in the file and a case).
 */
final class PatrolsApi implements HttpService {
    private final Enforcement enforcement;
    private final Json json;

    PatrolsApi(Enforcement enforcement, Json json) {
        this.enforcement = enforcement;
        this.json = json;
    }

    /** A managed object as listed; the operator's phone masked for roles that do not need it. */
    record ObjectView(String id, String name, String category, double lon, double lat, String operator,
            String operatorPhone) {
    }

    /** {@code POST /patrols/plan}: the drone's limits; targets are the given objects, else every enterprise. */
    record PlanRequest(@NotNull @NotEmpty @Size(max = 20) List<@NotNull @Size(min = 2, max = 2) List<@NotNull Double>> bases,
            @DecimalMin("0.5") @DecimalMax("60.0") Double cruiseSpeedMetersPerSecond,
            @Min(1) @Max(600) Integer maxFlightMinutes, @DecimalMin("100.0") Double maxRangeMeters,
            @Min(0) @Max(3_600) Integer hoverSeconds, @Min(1) @Max(100) Integer sortiesPerDay,
            @Min(1) @Max(366) Integer periodDays, @Size(max = 50_000) List<@NotBlank String> objectIds) {
    }

    /** One planned sortie. */
    record SortieView(int number, int day, double baseLon, double baseLat, List<String> stops, long routeMeters,
            long flightMinutes) {
    }

    /** A target left out and why. */
    record UnplannedView(String id, String reason, String detail) {
    }

    /** The plan. */
    record PlanView(String summary, int targetsGiven, int targetsPlanned, double coverage, long totalRouteMeters,
            List<SortieView> sorties, List<UnplannedView> unplanned) {
    }

    /** {@code POST /patrols}: a flown patrol over the given objects. */
    record Flown(@NotNull @NotEmpty @Size(max = 500) List<@NotBlank String> objectIds, @NotBlank String at,
            @NotBlank @Size(max = 32) String pilot, @Size(max = 500) String note) {
    }

    /** {@code POST /buildings/compare}: footprints as WKT polygons in lon/lat. */
    record Compare(@NotBlank String objectId, @NotBlank String observedAt, @Size(max = 100_000) String permittedWkt,
            @NotBlank @Size(max = 100_000) String observedWkt, @DecimalMin("0.0") Double thresholdSquareMeters) {
    }

    /** The comparison, and the case the finding became. */
    record Comparison(String objectId, double permittedSquareMeters, double observedSquareMeters,
            double excessSquareMeters, boolean withinTolerance, String excessWkt, String caseId) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/objects", this::objects)
                .put("/objects", this::putObjects)
                .put("/operators", this::putOperators)
                .get("/objects/{id}/file", this::file)
                .post("/patrols/plan", this::plan)
                .post("/patrols", this::flown)
                .post("/buildings/compare", this::compare);
    }

    /** {@code PUT /objects} (admin): every managed object, a GeoJSON FeatureCollection; new objects get a file. */
    private void putObjects(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        res.send(Map.of("objects", premises().replaceObjects(Json.text(req))));
    }

    /** {@code PUT /operators} (admin): every registered operator, each of a listed object. */
    private void putOperators(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        res.send(Map.of("operators", premises().replaceOperators(Json.text(req))));
    }

    private Premises premises() {
        return enforcement.premises();
    }

    private void objects(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        res.send(premises().objects().stream().map(o -> {
            var op = premises().operatorOf(o.id());
            return new ObjectView(o.id(), o.name(), o.category().code(), o.location().lon(), o.location().lat(),
                    op.map(x -> x.name()).orElse(null), op.map(x -> role == Role.OFFICER ? x.phone()
                            : Masks.phone(x.phone())).orElse(null));
        }).toList());
    }

    private ManagedObject object(String id, String where) {
        return premises().object(id).orElseThrow(() -> id.equals(where) ? ApiException.notFound("no managed object " + id)
                : ApiException.field(where, "no managed object " + id));
    }

    private void file(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        String id = req.path().pathParameters().get("id");
        object(id, id);
        EnterpriseArchive a = premises().files().load(id);
        res.send(new FileView(a.objectId(),
                a.patrols().stream().map(x -> new PatrolView(x.at().toString(), x.officer().value(), x.note())).toList(),
                a.findings().stream().map(x -> new FindingView(x.at().toString(), x.violation().code(),
                        x.description())).toList(),
                a.cases().stream().map(x -> new CaseRefView(x.caseId(), x.violation().code(), x.filedAt().toString()))
                        .toList()));
    }

    /** An object's file as the API shows it: times in ISO-8601, violations by code. */
    record FileView(String objectId, List<PatrolView> patrols, List<FindingView> findings, List<CaseRefView> cases) {
    }

    /** A patrol in a file. */
    record PatrolView(String at, String officer, String note) {
    }

    /** A finding in a file. */
    record FindingView(String at, String violation, String description) {
    }

    /** A case named in a file. */
    record CaseRefView(String caseId, String violation, String filedAt) {
    }

    private void plan(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.ADMIN);
        PlanRequest p = json.read(req, PlanRequest.class);
        PatrolPlanner.Builder b = PatrolPlanner.builder();
        try {
            for (List<Double> base : p.bases()) {
                b.base(GeoPoint.of(base.get(0), base.get(1)));
            }
            Optional.ofNullable(p.cruiseSpeedMetersPerSecond()).ifPresent(b::cruiseSpeedMetersPerSecond);
            Optional.ofNullable(p.maxFlightMinutes()).ifPresent(m -> b.maxFlightTime(Duration.ofMinutes(m)));
            Optional.ofNullable(p.maxRangeMeters()).ifPresent(b::maxRangeMeters);
            Optional.ofNullable(p.hoverSeconds()).ifPresent(s -> b.hoverTimePerTarget(Duration.ofSeconds(s)));
            Optional.ofNullable(p.sortiesPerDay()).ifPresent(b::sortiesPerDay);
            Optional.ofNullable(p.periodDays()).ifPresent(b::periodDays);
        } catch (RuntimeException e) {
            throw ApiException.field("/bases", e.getMessage());
        }
        List<PatrolTarget> targets = new ArrayList<>();
        if (p.objectIds() == null || p.objectIds().isEmpty()) {
            premises().objects().stream().filter(o -> o.category().equals(ObjectCategory.ENTERPRISE))
                    .forEach(o -> targets.add(PatrolTarget.of(o)));
        } else {
            for (int i = 0; i < p.objectIds().size(); i++) {
                targets.add(PatrolTarget.of(object(p.objectIds().get(i), "/objectIds/" + i)));
            }
        }
        if (targets.isEmpty()) {
            throw ApiException.field("/objectIds", "no enterprises to patrol: name the objects");
        }
        PatrolPlan plan;
        try {
            plan = b.build().plan(targets);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cannot plan: " + e.getMessage());
        }
        res.send(new PlanView(plan.summary(), plan.targetsGiven(), plan.targetsPlanned(), plan.coverage(),
                Math.round(plan.totalRouteMeters()), plan.sorties().stream().map(s -> new SortieView(s.number(), s.day(),
                        s.base().lon(), s.base().lat(), s.stops().stream().map(PatrolTarget::id).toList(),
                        Math.round(s.routeMeters()), s.flightTime().toMinutes())).toList(),
                plan.unplanned().stream().map(u -> new UnplannedView(u.target().id(), u.reason().name(), u.detail()))
                        .toList()));
    }

    private void flown(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.ADMIN);
        Flown f = json.read(req, Flown.class);
        Instant at = instant(f.at(), "/at");
        OfficerId pilot;
        try {
            pilot = OfficerId.of(f.pilot());
        } catch (RuntimeException e) {
            throw ApiException.field("/pilot", e.getMessage());
        }
        for (int i = 0; i < f.objectIds().size(); i++) {
            object(f.objectIds().get(i), "/objectIds/" + i);
        }
        String note = f.note() == null ? "drone patrol (无人机巡查)" : f.note();
        for (String id : f.objectIds()) {
            premises().files().appendPatrol(id, new EnterpriseArchive.Patrol(at, pilot, note));
        }
        res.status(201).send(Map.of("recorded", f.objectIds().size()));
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.ADMIN);
        Compare c = json.read(req, Compare.class);
        ManagedObject o = object(c.objectId(), "/objectId");
        Instant at = instant(c.observedAt(), "/observedAt");
        FootprintCheck.Builder check = FootprintCheck.builder();
        FootprintComparison cmp;
        try {
            Optional.ofNullable(c.thresholdSquareMeters()).ifPresent(check::thresholdSquareMeters);
            cmp = c.permittedWkt() == null || c.permittedWkt().isBlank()
                    ? check.build().compareWithoutPermitWkt(o.id(), at, c.observedWkt())
                    : check.build().compareWkt(o.id(), at, c.permittedWkt(), c.observedWkt());
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            throw ApiException.field(msg.contains("permitted") ? "/permittedWkt" : "/observedWkt", msg);
        }
        String excessWkt = new WKTWriter().write(cmp.excess());
        String caseId = null;
        Optional<IllegalBuildingFinding> finding = cmp.finding();
        if (finding.isPresent()) {
            IllegalBuildingFinding f = finding.get();
            premises().files().appendFinding(o.id(), f.toArchiveFinding());
            String record = write(new Comparison(o.id(), cmp.permittedSquareMeters(), cmp.observedSquareMeters(),
                    cmp.excessSquareMeters(), false, excessWkt, null));
            caseId = enforcement.buildingCase("building/" + o.id() + "/" + at, f, o.location(), record).orElse(null);
            if (caseId != null) {
                premises().files().appendCase(o.id(), new EnterpriseArchive.CaseRef(caseId,
                        io.offsite.core.violation.Violation.ILLEGAL_BUILDING, at));
            }
        }
        res.send(new Comparison(o.id(), cmp.permittedSquareMeters(), cmp.observedSquareMeters(),
                cmp.excessSquareMeters(), cmp.withinTolerance(), excessWkt, caseId));
    }

    private String write(Object value) {
        try {
            return json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(String s, String where) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.field(where, "not an ISO-8601 instant such as 2026-12-06T01:00:00Z");
        }
    }
}
