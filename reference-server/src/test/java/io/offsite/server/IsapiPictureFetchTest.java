package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live stills fetched from an ISAPI camera (here a local stand-in answering with HTTP Basic authentication). */
class IsapiPictureFetchTest {
    private static final String CAMERA = "33100300001321000001";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 7, 7, 7, (byte) 0xFF, (byte) 0xD9};
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private final AtomicReference<String> contentType = new AtomicReference<>("image/jpeg");
    private final AtomicReference<String> path = new AtomicReference<>();
    private HttpServer camera;
    private CameraSites sites;

    @BeforeEach
    void startCamera() throws Exception {
        camera = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        camera.createContext("/ISAPI/Streaming/channels/", ex -> {
            path.set(ex.getRequestURI().getPath());
            ex.getResponseHeaders().add("Content-Type", contentType.get());
            ex.sendResponseHeaders(200, JPEG.length);
            ex.getResponseBody().write(JPEG);
            ex.close();
        }).setAuthenticator(new BasicAuthenticator("isapi") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return user.equals("evidence") && password.equals("s3cret");
            }
        });
        camera.start();
        sites = CameraSites.parse(List.of("127.0.0.1:" + camera.getAddress().getPort() + "/1 " + CAMERA
                + " 121.24451 28.63031"));
    }

    @AfterEach
    void stopCamera() {
        camera.stop(0);
    }

    private IsapiPictureFetch fetch(String password) {
        return new IsapiPictureFetch(sites, "evidence", password, () -> NOW, new NoRecorder());
    }

    @Test
    void aStillAskedForNowIsTheCamerasLivePicture() {
        CameraSnapshots.Snapshot s = fetch("s3cret").fetch(CAMERA, NOW.minusSeconds(3), "浙J12345");
        assertThat(s.bytes()).isEqualTo(JPEG);
        assertThat(path.get()).isEqualTo("/ISAPI/Streaming/channels/101/picture");
    }

    @Test
    void wrongCredentialsAreNamedWithoutThePassword() {
        assertThatThrownBy(() -> fetch("wrong").fetch(CAMERA, NOW, "浙J12345"))
                .hasMessageContaining(CAMERA).hasMessageContaining("401").hasMessageNotContaining("wrong");
    }

    @Test
    void aPastInstantOrAnUnknownCameraGoesToTheFallback() {
        assertThatThrownBy(() -> fetch("s3cret").fetch(CAMERA, NOW.minusSeconds(60), "浙J12345"))
                .hasMessageContaining("no recorder");
        assertThatThrownBy(() -> fetch("s3cret").fetch("33100300001321000999", NOW, "浙J12345"))
                .hasMessageContaining("no recorder");
        assertThat(path.get()).isNull();
    }

    @Test
    void anAnswerThatIsNotAJpegIsRefused() {
        contentType.set("text/html");
        assertThatThrownBy(() -> fetch("s3cret").fetch(CAMERA, NOW, "浙J12345"))
                .hasMessageContaining("text/html");
    }
}
