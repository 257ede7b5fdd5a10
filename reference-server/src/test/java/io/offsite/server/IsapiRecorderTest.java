package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorder playback for evidence (here a local stand-in for a Hikvision NVR answering ISAPI search and download with
 * HTTP Basic authentication): past stills and whole clips, and the gaps named when the recording lacks them.
 */
class IsapiRecorderTest {
    private static final String CAMERA = "33100300001321000001";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 7, 7, 7, (byte) 0xFF, (byte) 0xD9};
    private static final byte[] MP4 = "....ftypisom-recorded-clip".getBytes(StandardCharsets.US_ASCII);
    private static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

    /** A request the recorder received: its path and body. */
    record Received(String path, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> searchAnswer = new AtomicReference<>();
    private final AtomicReference<Map.Entry<String, byte[]>> downloadAnswer = new AtomicReference<>();
    private HttpServer nvr;
    private CameraSites sites;

    @BeforeEach
    void startRecorder() throws IOException {
        nvr = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nvr.createContext("/ISAPI/ContentMgmt/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestURI().getPath(), body));
            if (ex.getRequestURI().getPath().endsWith("/search")) {
                answer(ex, "application/xml", searchAnswer.get().getBytes(StandardCharsets.UTF_8));
            } else {
                answer(ex, downloadAnswer.get().getKey(), downloadAnswer.get().getValue());
            }
        }).setAuthenticator(new BasicAuthenticator("isapi") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return user.equals("evidence") && password.equals("s3cret");
            }
        });
        nvr.start();
        // the camera at 10.33.100.21 channel 1 is recorded by the NVR on channel 5
        sites = CameraSites.parse(List.of("10.33.100.21/1 " + CAMERA + " 121.24451 28.63031 127.0.0.1:"
                + nvr.getAddress().getPort() + "/5"));
    }

    @AfterEach
    void stopRecorder() {
        nvr.stop(0);
    }

    private static void answer(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private IsapiRecorder recorder(String password) {
        return new IsapiRecorder(sites, "evidence", password, new NoRecorder(), 1024, 4096);
    }

    private static String result(String status, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CMSearchResult version=\"2.0\" "
                + "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><searchID>X</searchID>"
                + "<responseStatus>true</responseStatus><responseStatusStrg>" + status + "</responseStatusStrg>"
                + "<numOfMatches>" + items.length + "</numOfMatches><matchList>" + String.join("", items)
                + "</matchList></CMSearchResult>";
    }

    private static String item(int track, String start, String end, String uri) {
        return "<searchMatchItem><sourceID>{0000}</sourceID><trackID>" + track + "</trackID><timeSpan><startTime>"
                + start + "</startTime><endTime>" + end + "</endTime></timeSpan><mediaSegmentDescriptor>"
                + "<contentType>video</contentType><playbackURI>" + uri.replace("&", "&amp;")
                + "</playbackURI></mediaSegmentDescriptor></searchMatchItem>";
    }

    @Test
    void aPastStillIsTheRecordedPictureNearestTheInstant() {
        searchAnswer.set(result("OK",
                item(503, "2026-12-06T01:59:52Z", "2026-12-06T01:59:52Z", "http://nvr/ISAPI/Streaming/tracks/503/"
                        + "?starttime=20261206T015952Z&endtime=20261206T015952Z&name=far&size=9"),
                item(503, "2026-12-06T02:00:03Z", "2026-12-06T02:00:03Z", "http://nvr/ISAPI/Streaming/tracks/503/"
                        + "?starttime=20261206T020003Z&endtime=20261206T020003Z&name=near&size=7")));
        downloadAnswer.set(Map.entry("image/jpeg", JPEG));

        CameraSnapshots.Snapshot s = recorder("s3cret").fetch(CAMERA, AT, "浙J12345");

        assertThat(s.bytes()).isEqualTo(JPEG);
        assertThat(s.mediaType()).isEqualTo("image/jpeg");
        assertThat(received).extracting(Received::path)
                .containsExactly("/ISAPI/ContentMgmt/search", "/ISAPI/ContentMgmt/download");
        assertThat(received.get(1).body()).contains("<downloadRequest").contains("name=near&amp;size=7");
    }

    @Test
    void theSearchAsksForTheRecordersPictureTrackAroundTheInstantInUtc() {
        searchAnswer.set(result("NO MATCHES"));
        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, Instant.parse("2026-12-06T10:00:00.400+08:00"), "x"));
        String body = received.getFirst().body();
        assertThat(body).contains("<CMSearchDescription").contains("<trackID>503</trackID>")
                .contains("<startTime>2026-12-06T01:59:50Z</startTime>")
                .contains("<endTime>2026-12-06T02:00:11Z</endTime>")
                .contains("<searchResultPostion>0</searchResultPostion>").contains("<maxResults>");
    }

    @Test
    void noRecordedPictureGoesToTheNextSourceOrIsANamedGap() {
        searchAnswer.set(result("NO MATCHES"));
        CameraSnapshots next = (camera, at, subject) -> new CameraSnapshots.Snapshot(JPEG, "image/jpeg");
        assertThat(new IsapiRecorder(sites, "evidence", "s3cret", next).fetch(CAMERA, AT, "x").bytes())
                .isEqualTo(JPEG);

        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, AT, "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CAMERA).hasMessageContaining("no picture within 10 s of " + AT)
                .hasMessageContaining("NO MATCHES");
        assertThat(received).extracting(Received::path).doesNotContain("/ISAPI/ContentMgmt/download");
    }

    @Test
    void aClipTheRecordingCoversIsDownloadedForExactlyItsSpan() {
        searchAnswer.set(result("OK", item(501, "2026-12-06T01:50:00Z", "2026-12-06T02:10:00Z",
                "rtsp://nvr/Streaming/tracks/501/?starttime=20261206T015000Z&endtime=20261206T021000Z"
                        + "&name=ch05_0001&size=99999")));
        downloadAnswer.set(Map.entry("video/mp4", MP4));

        CameraSnapshots.Snapshot s = recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "浙J12345");

        assertThat(s.bytes()).isEqualTo(MP4);
        assertThat(s.mediaType()).isEqualTo("video/mp4");
        assertThat(received.getFirst().body()).contains("<trackID>501</trackID>")
                .contains("<startTime>2026-12-06T02:00:00Z</startTime>")
                .contains("<endTime>2026-12-06T02:00:30Z</endTime>");
        assertThat(received.get(1).path()).isEqualTo("/ISAPI/ContentMgmt/download");
        assertThat(received.get(1).body()).contains("<playbackURI>rtsp://nvr/Streaming/tracks/501/"
                + "?starttime=20261206T020000Z&amp;endtime=20261206T020030Z&amp;name=ch05_0001&amp;size=99999");
    }

    @Test
    void aClipAcrossTwoTouchingFilesIsOneDownloadByTimeAndKeepsTheRecordersMediaType() {
        searchAnswer.set(result("OK",
                item(501, "2026-12-06T01:50:00Z", "2026-12-06T02:00:10Z",
                        "rtsp://nvr/Streaming/tracks/501/?starttime=20261206T015000Z&endtime=20261206T020010Z&name=a&size=1"),
                item(501, "2026-12-06T02:00:10Z", "2026-12-06T02:20:00Z",
                        "rtsp://nvr/Streaming/tracks/501/?starttime=20261206T020010Z&endtime=20261206T022000Z&name=b&size=2")));
        downloadAnswer.set(Map.entry("application/octet-stream", MP4));

        CameraSnapshots.Snapshot s = recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "x");

        assertThat(s.mediaType()).isEqualTo("application/octet-stream");
        assertThat(received.get(1).body()).contains("starttime=20261206T020000Z&amp;endtime=20261206T020030Z")
                .doesNotContain("name=");
    }

    @Test
    void aClipWithAHoleInTheRecordingIsRefusedNamingThePartCovered() {
        searchAnswer.set(result("OK",
                item(501, "2026-12-06T01:50:00Z", "2026-12-06T02:00:10Z", "rtsp://nvr/Streaming/tracks/501/?name=a"),
                item(501, "2026-12-06T02:00:20Z", "2026-12-06T02:20:00Z", "rtsp://nvr/Streaming/tracks/501/?name=b")));

        assertThatThrownBy(() -> recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(CAMERA)
                .hasMessageContaining("covers only 2026-12-06T02:00:00Z–2026-12-06T02:00:10Z, "
                        + "2026-12-06T02:00:20Z–2026-12-06T02:00:30Z");
        assertThat(received).extracting(Received::path).doesNotContain("/ISAPI/ContentMgmt/download");
    }

    @Test
    void noRecordingOfTheClipIsANamedGap() {
        searchAnswer.set(result("NO MATCHES"));
        assertThatThrownBy(() -> recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no recording of")
                .hasMessageContaining(CAMERA);
    }

    @Test
    void anOversizeStillOrClipIsRefused() {
        searchAnswer.set(result("OK", item(503, "2026-12-06T02:00:01Z", "2026-12-06T02:00:01Z", "http://nvr/p?name=p")));
        downloadAnswer.set(Map.entry("image/jpeg", new byte[1025]));
        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, AT, "x")).hasMessageContaining("larger than")
                .hasMessageContaining("1024");

        searchAnswer.set(result("OK", item(501, "2026-12-06T01:00:00Z", "2026-12-06T03:00:00Z", "rtsp://nvr/t?name=c")));
        downloadAnswer.set(Map.entry("video/mp4", new byte[4097]));
        assertThatThrownBy(() -> recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "x"))
                .hasMessageContaining("larger than").hasMessageContaining("4096");
    }

    @Test
    void aStillThatIsNotAJpegIsRefused() {
        searchAnswer.set(result("OK", item(503, "2026-12-06T02:00:01Z", "2026-12-06T02:00:01Z", "http://nvr/p?name=p")));
        downloadAnswer.set(Map.entry("text/html", "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, AT, "x")).hasMessageContaining("text/html");
    }

    @Test
    void malformedXmlFromTheRecorderIsAClearError() {
        searchAnswer.set("<CMSearchResult><matchList><searchMatchItem>");
        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, AT, "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CAMERA).hasMessageContaining("malformed XML");

        searchAnswer.set("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CMSearchResult>&e;</CMSearchResult>");
        assertThatThrownBy(() -> recorder("s3cret").fetch(CAMERA, AT, "x")).hasMessageContaining("malformed XML")
                .hasMessageNotContaining("root:");
    }

    @Test
    void aRecorderErrorStatusIsNamed() {
        searchAnswer.set("<ResponseStatus version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
                + "<statusCode>4</statusCode><statusString>Invalid Operation</statusString>"
                + "<subStatusCode>notSupport</subStatusCode></ResponseStatus>");
        assertThatThrownBy(() -> recorder("s3cret").clip(CAMERA, AT, AT.plusSeconds(30), "x"))
                .hasMessageContaining(CAMERA).hasMessageContaining("Invalid Operation notSupport");
    }

    @Test
    void wrongCredentialsAreNamedWithoutThePassword() {
        assertThatThrownBy(() -> recorder("wrong-pa55").fetch(CAMERA, AT, "x")).hasMessageContaining(CAMERA)
                .hasMessageContaining("127.0.0.1:" + nvr.getAddress().getPort() + "/5").hasMessageContaining("401")
                .hasMessageNotContaining("wrong-pa55").hasMessageNotContaining("evidence");
        assertThat(received).isEmpty();
    }

    @Test
    void theServerAsksTheRecorderForPastStillsAndClipsWhenIsapiCredentialsAreConfigured() {
        ServerOptions configured = ServerOptions.parse(new String[0],
                Map.of("OFFSITE_ISAPI_USER", "evidence", "OFFSITE_ISAPI_PASSWORD", "s3cret"));
        CameraSnapshots snapshots = OffsiteServer.recorder(configured, sites).orElseThrow();
        assertThatThrownBy(() -> OffsiteServer.snapshots(configured, sites, () -> AT.plusSeconds(3_600))
                .fetch(CAMERA, AT, "x")).as("the fast sources never wait for the recorder").hasMessageContaining("no recorder");
        searchAnswer.set(result("OK", item(503, "2026-12-06T02:00:01Z", "2026-12-06T02:00:01Z", "http://nvr/p?name=p")));
        downloadAnswer.set(Map.entry("image/jpeg", JPEG));
        assertThat(snapshots.fetch(CAMERA, AT, "x").bytes()).isEqualTo(JPEG);

        searchAnswer.set(result("OK", item(501, "2026-12-06T01:00:00Z", "2026-12-06T03:00:00Z", "rtsp://nvr/t?name=c")));
        downloadAnswer.set(Map.entry("video/mp4", MP4));
        assertThat(new PushedPictures(io.offsite.evidence.InMemoryBlobStore.create(), snapshots)
                .clip(CAMERA, AT, AT.plusSeconds(30), "x").mediaType()).isEqualTo("video/mp4");
        assertThat(received).hasSize(4);

        ServerOptions without = ServerOptions.parse(new String[0], Map.of());
        assertThat(OffsiteServer.recorder(without, sites)).isEmpty();
        assertThatThrownBy(() -> OffsiteServer.snapshots(without, sites, () -> AT).fetch(CAMERA, AT.minusSeconds(60), "x"))
                .hasMessageContaining("no recorder");
        assertThat(received).hasSize(4);
    }

    @Test
    void theRecorderColumnIsOptionalAndAMalformedOneIsNamed() {
        CameraSites four = CameraSites.parse(List.of("10.33.100.21/1 " + CAMERA + " 121.24451 28.63031"));
        assertThat(four.recorderOf(CAMERA)).contains("10.33.100.21/1");
        assertThat(sites.recorderOf(CAMERA)).contains("127.0.0.1:" + nvr.getAddress().getPort() + "/5");
        assertThat(sites.addressOf(CAMERA)).contains("10.33.100.21/1");
        assertThatThrownBy(() -> CameraSites.parse(List.of("10.33.100.21/1 " + CAMERA + " 121.24451 28.63031 nvr")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("isapi-sites[0]")
                .hasMessageContaining("<recorder ip>/<channel>");
    }

    @Test
    void withoutARecorderColumnTheCameraItselfIsSearched() {
        CameraSites own = CameraSites.parse(List.of("127.0.0.1:" + nvr.getAddress().getPort() + "/2 " + CAMERA
                + " 121.24451 28.63031"));
        searchAnswer.set(result("NO MATCHES"));
        assertThatThrownBy(() -> new IsapiRecorder(own, "evidence", "s3cret", new NoRecorder()).fetch(CAMERA, AT, "x"))
                .hasMessageContaining("NO MATCHES");
        assertThat(received.getFirst().body()).contains("<trackID>203</trackID>");
    }
}
