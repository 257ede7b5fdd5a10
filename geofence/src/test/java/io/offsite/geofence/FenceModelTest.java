package io.offsite.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.geo.GeoPoint;
import io.offsite.core.geo.LocalProjection;
import io.offsite.core.geojson.GeoJsonException;
import io.offsite.core.grid.CellId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

/** Fence shapes, validation, GeoJSON, schedules, plates, camera ids and the live registry. */
class FenceModelTest {
    static final CellId CELL = CellId.of("c1");

    @Test
    void selfIntersectingPolygon_isRejectedNamingFenceAndCoordinate() throws Exception {
        var bowtie = new WKTReader().read("POLYGON ((120 30, 120.001 30.001, 120.001 30, 120 30.001, 120 30))");
        assertThatThrownBy(() -> Fence.builder("bow", FenceKind.NO_PARKING, CELL).polygon(bowtie).build())
                .isInstanceOf(GeofenceException.class).hasMessageContaining("fence bow")
                .hasMessageContaining("Self-intersection").hasMessageContaining("(120.0005, 30.0005");
    }

    @Test
    void nonLonLatCoordinates_areRejected() throws Exception {
        var projected = new WKTReader().read("POLYGON ((500000 3300000, 500100 3300000, 500100 3300100, 500000 3300000))");
        assertThatThrownBy(() -> Fence.builder("utm", FenceKind.NO_PARKING, CELL).polygon(projected).build())
                .hasMessageContaining("fence utm").hasMessageContaining("500000");
    }

    @Test
    void circle_hasAreaOfItsRadiusInMetres_andContainsOnlyPointsWithinRadius() {
        GeoPoint c = GeoPoint.of(120.15, 30.27);
        Fence f = Fence.builder("circ", FenceKind.NO_VENDING, CELL).circle(c, 50).build();
        double area = LocalProjection.centredOn(c).areaSquareMeters(f.area());
        assertThat(area).isBetween(Math.PI * 2500 * 0.98, Math.PI * 2500);
        FenceIndex index = FenceIndex.of(List.of(f));
        LocalProjection proj = LocalProjection.centredOn(c);
        assertThat(index.containing(proj.unproject(0, 45))).hasSize(1);
        assertThat(index.containing(proj.unproject(0, 55))).isEmpty();
    }

    @Test
    void corridor_containsPointsWithinBufferOfTheLine() throws Exception {
        LocalProjection proj = LocalProjection.centredOn(GeoPoint.of(120.15, 30.27));
        GeoPoint a = proj.unproject(-500, 0);
        GeoPoint b = proj.unproject(500, 0);
        var line = Scenario.GF.createLineString(new Coordinate[] {new Coordinate(a.lon(), a.lat()), new Coordinate(b.lon(), b.lat())});
        Fence f = Fence.builder("route", FenceKind.WASTE_ROUTE_CORRIDOR, CELL).corridor(line, 20).build();
        FenceIndex index = FenceIndex.of(List.of(f));
        assertThat(index.containing(proj.unproject(100, 18))).hasSize(1);
        assertThat(index.containing(proj.unproject(100, 22))).isEmpty();
        assertThat(index.containing(proj.unproject(510, 0))).hasSize(1);
    }

    @Test
    void geoJson_roundTripsAllFenceSettings() {
        FenceSchedule s = FenceSchedule.builder(ZoneId.of("Asia/Shanghai"))
                .weekly(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(9, 0))
                .allDay(EnumSet.of(DayOfWeek.SATURDAY)).off(LocalDate.of(2026, 10, 1))
                .on(LocalDate.of(2026, 10, 8), LocalTime.of(10, 0), LocalTime.of(11, 30)).build();
        Exemptions ex = Exemptions.emergencyVehicles().withPlatePattern("^.*警$")
                .withPermit(new Exemptions.Permit("浙A12345", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), "P-9"));
        List<Fence> fences = List.of(
                Scenario.noParking("poly").schedule(s).exemptions(ex).build(),
                Fence.builder("circ", FenceKind.NO_VENDING, CELL).circle(GeoPoint.of(120.15, 30.27), 35).build(),
                Fence.builder("route", FenceKind.WASTE_ROUTE_CORRIDOR, CELL).corridor(Scenario.GF.createLineString(
                        new Coordinate[] {new Coordinate(120.1, 30.2), new Coordinate(120.11, 30.21)}), 15)
                        .policy(LadderPolicy.dumping().toBuilder().dwell(Duration.ofSeconds(45)).build()).build());
        FenceGeoJson io = FenceGeoJson.create();
        String json = io.write(fences);
        List<Fence> back = io.read(json);

        assertThat(io.write(back)).isEqualTo(json);
        for (int i = 0; i < fences.size(); i++) {
            assertThat(back.get(i).area().equalsExact(fences.get(i).area(), 1e-12)).isTrue();
            assertThat(back.get(i).policy().toString()).isEqualTo(fences.get(i).policy().toString());
        }
        Instant holiday = LocalDate.of(2026, 10, 1).atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(back.get(0).schedule().isActive(holiday)).isFalse();
    }

    @Test
    void geoJson_errorsNameFeatureIndexAndPathOrFenceAndCoordinate() {
        String unknownKind = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.001,30],[120.001,30.001],[120,30]]]},"
                + "\"properties\":{\"kind\":\"NO_SMOKING\",\"cell\":\"c\"}}]}";
        assertThatThrownBy(() -> FenceGeoJson.create().read(unknownKind)).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0].properties.kind").hasMessageContaining("NO_SMOKING");
        String bowtie = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"bow\","
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120,30],[120.001,30.001],[120.001,30],[120,30.001],[120,30]]]},"
                + "\"properties\":{\"kind\":\"NO_PARKING\",\"cell\":\"c\"}}]}";
        assertThatThrownBy(() -> FenceGeoJson.create().read(bowtie)).isInstanceOf(GeoJsonException.class)
                .hasMessageContaining("features[0]").hasMessageContaining("fence bow").hasMessageContaining("(120.0005, 30.0005");
    }

    @Test
    void schedule_windowsAcrossMidnightFormOnePeriod_andExceptionsOverride() {
        ZoneId z = ZoneId.of("Asia/Shanghai");
        FenceSchedule s = FenceSchedule.builder(z).weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.MIDNIGHT)
                .weekly(EnumSet.of(DayOfWeek.TUESDAY), LocalTime.MIDNIGHT, LocalTime.of(6, 0)).build();
        long mon23 = LocalDate.of(2026, 11, 2).atTime(23, 0).atZone(z).toInstant().toEpochMilli();
        assertThat(s.isActive(mon23)).isTrue();
        assertThat(s.activeSince(mon23)).isEqualTo(LocalDate.of(2026, 11, 2).atTime(22, 0).atZone(z).toInstant().toEpochMilli());
        assertThat(s.activeUntil(mon23)).isEqualTo(LocalDate.of(2026, 11, 3).atTime(6, 0).atZone(z).toInstant().toEpochMilli());
        assertThatThrownBy(() -> FenceSchedule.builder(z).weekly(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(7, 0)))
                .hasMessageContaining("09:00").hasMessageContaining("must end after it starts");
    }

    @Test
    void plates_normaliseAndMatchOcrConfusions() {
        assertThat(Plates.normalize(" 浙a·12 345 ")).isEqualTo("浙A12345");
        assertThat(Plates.normalize("浙Ａ１２３４５")).isEqualTo("浙A12345");
        assertThat(Plates.sameVehicle("浙A1234B", "浙A12348", 1)).isTrue();
        assertThat(Plates.sameVehicle("浙A0D234", "浙AD0234", 1)).isFalse();
        assertThat(Plates.sameVehicle("浙A0D234", "浙AD0234", 2)).isTrue();
        assertThat(Plates.sameVehicle("浙A12345", "浙A12346", 1)).isFalse();
        assertThat(Plates.matchKey("浙A5Z1Q8")).isEqualTo(Plates.matchKey("浙AS2I08"));
    }

    @Test
    void cameraId_parsesTwentyDigitsLeniently_andKeepsRaw() {
        CameraId id = CameraId.of(" 33010600001320000001 ");
        assertThat(id.raw()).isEqualTo("33010600001320000001");
        CameraId.Parts p = id.parts().orElseThrow();
        assertThat(p.divisionCode()).isEqualTo("33010600");
        assertThat(p.typeCode()).isEqualTo("132");
        assertThat(p.isCamera()).isTrue();
        assertThat(p.network()).isEqualTo(0);
        assertThat(CameraId.of("cam-east-1").parts()).isEmpty();
        assertThatThrownBy(() -> CameraId.of(" ")).hasMessageContaining("camera id");
    }

    @Test
    void registry_swapsSnapshots_andRejectedUpdateKeepsOldSnapshot() {
        FenceRegistry r = FenceRegistry.of(List.of(Scenario.noParking("F1").build()));
        FenceIndex before = r.snapshot();
        r.put(Scenario.noParking("F2").build());
        assertThat(before.size()).isEqualTo(1);
        assertThat(r.snapshot().size()).isEqualTo(2);
        assertThatThrownBy(() -> r.update(m -> m.put("X", Scenario.noParking("F3").build()))).hasMessageContaining("\"X\"");
        assertThat(r.snapshot().size()).isEqualTo(2);
        r.remove("F1");
        assertThat(r.snapshot().fence("F1")).isEmpty();
    }

    @Test
    void registryUpdateAsync_rebuildsOffThreadWhileReadersUseOldSnapshot() throws Exception {
        FenceRegistry r = FenceRegistry.of(List.of(Scenario.noParking("F1").build()));
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            FenceIndex next = r.updateAsync(m -> m.remove("F1"), pool).get();
            assertThat(next.size()).isZero();
            assertThat(r.snapshot()).isSameAs(next);
        } finally {
            pool.shutdownNow();
        }
    }
}
