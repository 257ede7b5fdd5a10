package io.offsite.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.geo.Gcj02;
import io.offsite.core.geo.GeoPoint;
import io.offsite.core.grid.GridCell;
import io.offsite.core.grid.GridLocation;
import io.offsite.geofence.Fence;
import io.offsite.geofence.FenceGeoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The enforcement grid and the fences: {@code GET|PUT /grid} (GeoJSON), {@code GET /grid/locate?lon=&lat=[&crs=gcj02]},
 * {@code GET|PUT /fences} (a FeatureCollection), {@code POST /fences} (add or replace some), {@code DELETE
 * /fences/{id}}. Writes are for admins; a document that does not parse or validate changes nothing and the problem
 * names the feature and field the library reported; a fence whose {@code cell} is not in the grid is refused the same
 * way, naming {@code /features/<i>/properties/cell}.
 */
final class PlacesApi implements HttpService {
    private static final String GEOJSON = "application/geo+json";
    private final Places places;

    PlacesApi(Places places) {
        this.places = places;
    }

    /** Where a point is in the grid. */
    record Location(double lon, double lat, String cell, String name, String level, String responsibleOfficer,
            List<Map<String, String>> chain) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/grid", this::getGrid)
                .put("/grid", this::putGrid)
                .get("/grid/locate", this::locate)
                .get("/fences", this::getFences)
                .put("/fences", this::putFences)
                .post("/fences", this::postFences)
                .delete("/fences/{id}", this::deleteFence);
    }

    private void getGrid(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        send(res, places.gridJson());
    }

    private void putGrid(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        places.replaceGrid(Json.text(req));
        res.send(Map.of("cells", places.grid().cells().size()));
    }

    private void locate(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN, Role.CAMERA);
        double lon = number(req, "lon", -180, 180);
        double lat = number(req, "lat", -90, 90);
        String crs = req.query().first("crs").orElse("wgs84");
        GeoPoint p = GeoPoint.of(lon, lat);
        if (crs.equalsIgnoreCase("gcj02")) {
            p = Gcj02.toWgs84(p);
        } else if (!crs.equalsIgnoreCase("wgs84")) {
            throw ApiException.field("crs", "wgs84 (default) or gcj02, got " + crs);
        }
        GridLocation l = places.grid().locate(p).orElseThrow(() -> ApiException.notFound("(" + lon + ", " + lat
                + ") is outside the enforcement grid"));
        GridCell c = l.cell();
        List<Map<String, String>> chain = l.chain().stream()
                .map(x -> Map.of("cell", x.id().value(), "name", x.name(), "level", x.level().name())).toList();
        res.send(new Location(p.lon(), p.lat(), c.id().value(), c.name(), c.level().name(),
                l.responsibleOfficer().value(), chain));
    }

    private void getFences(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        send(res, FenceGeoJson.create().write(places.fences()));
    }

    private void putFences(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        List<Fence> all = FenceGeoJson.create().read(Json.text(req));
        requireCellsInGrid(all);
        places.replaceFences(all);
        res.send(Map.of("fences", all.size()));
    }

    private void postFences(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        List<Fence> some = FenceGeoJson.create().read(Json.text(req));
        if (some.isEmpty()) {
            throw ApiException.field("/features", "no fence given");
        }
        requireCellsInGrid(some);
        int added = places.putFences(some);
        res.status(201).send(Map.of("added", added, "replaced", some.size() - added));
    }

    /**
     * Refuses fences whose owning cell is not in the enforcement grid (its officer could never be found), naming each
     * feature's {@code cell} property; nothing is written. {@code fences} are in the document's feature order.
     */
    private void requireCellsInGrid(List<Fence> fences) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < fences.size(); i++) {
            Fence f = fences.get(i);
            if (places.grid().cell(f.cell()).isEmpty()) {
                errors.add(new Problem.FieldError("/features/" + i + "/properties/cell", "fence " + f.id() + ": cell \""
                        + f.cell().value() + "\" is not in the enforcement grid"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors, errors.size() + " fences name a cell that is not in the enforcement grid");
        }
    }

    private void deleteFence(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.ADMIN);
        String id = req.path().pathParameters().get("id");
        if (!places.removeFence(id)) {
            throw ApiException.notFound("no fence " + id);
        }
        res.status(204).send();
    }

    private static double number(ServerRequest req, String name, double min, double max) {
        String v = req.query().first(name).orElseThrow(() -> ApiException.field(name, "required"));
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw ApiException.field(name, "must be within " + min + ".." + max + ", got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.field(name, "not a number: " + v);
        }
    }

    private static void send(ServerResponse res, String geojson) {
        res.headers().set(HeaderNames.CONTENT_TYPE, GEOJSON);
        res.send(geojson.getBytes(StandardCharsets.UTF_8));
    }
}
