package io.offsite.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.devices.DeviceMessageException;
import io.offsite.devices.IsapiAlert;
import io.offsite.devices.IsapiMessage;
import io.offsite.devices.IsapiParser;
import io.offsite.devices.Picture;
import io.offsite.geofence.Batch;
import io.offsite.geofence.CameraId;
import io.offsite.geofence.Detection;
import io.offsite.geofence.ObjectClass;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/devices/isapi}: a Hikvision camera's {@code EventNotificationAlert} push (XML alone, or
 * multipart with its pictures), parsed by the {@code devices} library. An ANPR alert becomes one detection of the
 * camera registered for the alert's IP and channel, at the device's event time, placed at the camera's site; its
 * picture is kept in the blob store and becomes the still the evidence plan asks for. Heartbeats and alerts without
 * a plate are acknowledged and change nothing.
 */
final class IsapiApi implements HttpService {
    private final Enforcement enforcement;
    private final IsapiParser parser;
    private final CameraSites sites;
    private final PushedPictures pictures;

    IsapiApi(Enforcement enforcement, IsapiParser parser, CameraSites sites, PushedPictures pictures) {
        this.enforcement = enforcement;
        this.parser = parser;
        this.sites = sites;
        this.pictures = pictures;
    }

    /** What the push became. */
    record Answer(String eventType, String camera, String intake, String snapshot) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/devices/isapi", this::push);
    }

    private void push(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.CAMERA, Role.ADMIN);
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE)
                .orElseThrow(() -> ApiException.field("Content-Type", "required (application/xml or multipart/*)"));
        IsapiMessage m;
        try (InputStream in = req.content().inputStream()) {
            m = parser.parse(contentType, in);
        } catch (DeviceMessageException e) {
            throw ApiException.field(e.where(), ApiException.withoutLocation(e.getMessage(), e.where()));
        } catch (IOException e) {
            throw ApiException.badRequest("the push broke off: " + e.getMessage());
        }
        IsapiAlert a = m.alert();
        String address = a.ipAddress().orElseThrow(() -> ApiException.field("EventNotificationAlert/ipAddress", "required"));
        String channel = a.channelId().orElse("1");
        CameraSites.Site site = sites.find(address, channel).orElseThrow(() -> new ApiException(422,
                "https://offsite.io/problems/unknown-camera", "no camera registered for " + address + " channel "
                + channel + " (isapi-sites)", List.of(new Problem.FieldError("EventNotificationAlert/ipAddress",
                "unknown camera"))));
        Optional<String> plate = a.anpr().flatMap(r -> r.licensePlate()).filter(p -> !p.equalsIgnoreCase("unknown"));
        if (a.isHeartbeat() || plate.isEmpty()) {
            res.send(new Answer(a.eventType(), site.cameraId(), a.isHeartbeat() ? "HEARTBEAT" : "NO_PLATE", null));
            return;
        }
        Detection.Builder d = Detection.builder(CameraId.of(site.cameraId()), a.dateTime()).objectClass(ObjectClass.CAR)
                .at(a.gps().orElse(site.position()))
                .plate(plate.get(), a.anpr().get().confidence().orElse(0.0));
        String snapshot = null;
        Optional<Picture> picture = a.anpr().get().pictures().stream().map(m::pictureFor).flatMap(Optional::stream)
                .findFirst().or(() -> m.pictures().stream().findFirst());
        if (picture.isPresent()) {
            snapshot = pictures.put(site.cameraId(), a.dateTime(), picture.get().bytes(), picture.get().contentType());
            d.snapshot(snapshot);
        }
        Batch b = enforcement.submit(List.of(d.build()));
        res.send(new Answer(a.eventType(), site.cameraId(), b.intake(0).name(), snapshot));
    }
}
