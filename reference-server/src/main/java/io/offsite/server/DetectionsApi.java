package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.Batch;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.Intake;
import io.offsite.geofence.ObjectClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.util.Set;

/**
 * {@code POST /api/v1/detections}: a batch of camera detections → one intake per detection, in order (ACCEPTED,
 * LATE, DUPLICATE, NO_SUBJECT, FUTURE, OVER_CAPACITY). Cameras must be registered; pixel boxes need a calibrated
 * camera's pixel fences and are not taken here yet.
 */
final class DetectionsApi implements HttpService {
    /** At most this many detections per request. */
    static final int MAX_BATCH = 1_000;

    private final Enforcement enforcement;
    private final Json json;
    private final Set<String> cameras;

    DetectionsApi(Enforcement enforcement, Json json, Set<String> cameras) {
        this.enforcement = enforcement;
        this.json = json;
        this.cameras = Set.copyOf(cameras);
    }

    /** The request body. */
    record Body(@NotNull @NotEmpty @Size(max = MAX_BATCH) List<@NotNull @Valid Item> detections) {
    }

    /** One detection as a camera reports it. */
    record Item(@NotBlank @Pattern(regexp = "\\d{20}", message = "must be a 20-digit GB/T 28181 device id") String camera,
            @NotBlank String time,
            @Size(min = 2, max = 16) String plate,
            @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
            @DecimalMin("-180.0") @DecimalMax("180.0") Double lon,
            @DecimalMin("-90.0") @DecimalMax("90.0") Double lat,
            @Pattern(regexp = "CAR|TRUCK|BUS|MOTORCYCLE|PERSON|VENDOR|OTHER") String objectClass,
            @Size(max = 64) String tracker,
            @Size(max = 512) String snapshot) {
    }

    /** The answer: counts by intake and each detection's intake, in request order. */
    record Answer(int received, Map<Intake, Integer> counts, List<Intake> intakes) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/detections", this::post);
    }

    private void post(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.CAMERA, Role.ADMIN);
        Body body = json.read(req, Body.class);
        List<Detection> detections = new ArrayList<>(body.detections().size());
        for (int i = 0; i < body.detections().size(); i++) {
            detections.add(toDetection(body.detections().get(i), "/detections/" + i));
        }
        Batch b = enforcement.submit(detections);
        Map<Intake, Integer> counts = new EnumMap<>(Intake.class);
        for (Intake in : Intake.values()) {
            int n = b.count(in);
            if (n > 0) {
                counts.put(in, n);
            }
        }
        res.send(new Answer(b.size(), counts, b.intakes()));
    }

    private Detection toDetection(Item d, String where) {
        if (!cameras.contains(d.camera())) {
            throw new ApiException(422, "https://offsite.io/problems/unknown-camera", "camera " + d.camera()
                    + " is not registered with this server", List.of(new Problem.FieldError(where + "/camera",
                    "unknown camera")));
        }
        Instant t;
        try {
            t = Instant.parse(d.time());
        } catch (DateTimeParseException e) {
            throw ApiException.field(where + "/time", "not an ISO-8601 instant such as 2026-12-06T01:00:00Z");
        }
        if ((d.lon() == null) != (d.lat() == null)) {
            throw ApiException.field(where + (d.lon() == null ? "/lon" : "/lat"), "lon and lat come together");
        }
        if (d.lon() == null) {
            throw ApiException.field(where + "/lon", "a WGS-84 position is required (pixel boxes need a calibrated camera)");
        }
        if ((d.plate() == null) != (d.confidence() == null)) {
            throw ApiException.field(where + "/confidence", "a plate read needs its confidence and vice versa");
        }
        Detection.Builder b = Detection.builder(CameraId.of(d.camera()), t).at(GeoPoint.of(d.lon(), d.lat()));
        if (d.plate() != null) {
            refusedAt(where + "/plate", () -> b.plate(d.plate(), d.confidence()));
        }
        if (d.objectClass() != null) {
            b.objectClass(ObjectClass.valueOf(d.objectClass()));
        }
        if (d.tracker() != null) {
            refusedAt(where + "/tracker", () -> b.tracker(d.tracker()));
        }
        if (d.snapshot() != null) {
            refusedAt(where + "/snapshot", () -> b.snapshot(d.snapshot()));
        }
        try {
            return b.build();
        } catch (RuntimeException e) {
            throw ApiException.field(where, e.getMessage());
        }
    }

    /**
     * Gives one value to the detection builder; a value the library refuses is a field error at {@code pointer} in the
     * library's own words, without the "detection from camera … at …:" it wraps them in.
     */
    private static void refusedAt(String pointer, Runnable give) {
        try {
            give.run();
        } catch (RuntimeException e) {
            Throwable why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
            throw ApiException.field(pointer, Masks.inText(String.valueOf(why.getMessage())));
        }
    }
}
