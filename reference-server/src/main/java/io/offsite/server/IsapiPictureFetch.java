package io.offsite.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A live still fetched from the camera itself (Hikvision ISAPI {@code GET /ISAPI/Streaming/channels/<ch>01/picture},
 * HTTP Basic or Digest authentication) for cameras in the ISAPI site table. A live picture only shows now: a still
 * asked for more than {@link PushedPictures#NEAR} from the server's now, or of a camera not in the table, and every
 * clip go to the fallback (in production {@link IsapiRecorder}, the recorder's playback). Errors name the camera and
 * the answer, never the credentials.
 */
final class IsapiPictureFetch implements CameraSnapshots {
    /** Largest picture accepted. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final CameraSites sites;
    private final Authenticator credentials;
    private final Supplier<Instant> now;
    private final CameraSnapshots fallback;

    IsapiPictureFetch(CameraSites sites, String user, String password, Supplier<Instant> now, CameraSnapshots fallback) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.credentials = IsapiCredentials.of(user, password);
        this.now = Objects.requireNonNull(now, "now");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** A live picture shows only now: the recording of a span is the fallback's. */
    @Override
    public Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
        return fallback.clip(cameraId, from, until, subject);
    }

    @Override
    public Snapshot fetch(String cameraId, Instant at, String subject) {
        var address = sites.addressOf(cameraId);
        if (address.isEmpty() || Duration.between(at, now.get()).abs().compareTo(PushedPictures.NEAR) > 0) {
            return fallback.fetch(cameraId, at, subject);
        }
        String[] hostChannel = address.get().split("/", 2);
        URI uri = URI.create("http://" + hostChannel[0] + "/ISAPI/Streaming/channels/" + hostChannel[1] + "01/picture");
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setAuthenticator(credentials);
            c.setConnectTimeout(2_000);
            c.setReadTimeout(5_000);
            c.setInstanceFollowRedirects(false);
            try {
                int status = c.getResponseCode();
                String type = c.getContentType() == null ? "" : c.getContentType();
                if (status != 200 || !type.startsWith("image/jpeg")) {
                    throw new IllegalStateException("camera " + cameraId + " (" + address.get() + "): ISAPI picture "
                            + "answered " + status + " " + (type.isEmpty() ? "without a content type" : type));
                }
                try (InputStream in = c.getInputStream()) {
                    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        throw new IllegalStateException("camera " + cameraId + ": ISAPI picture larger than "
                                + MAX_BYTES + " bytes");
                    }
                    return new Snapshot(bytes, "image/jpeg");
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("camera " + cameraId + " (" + address.get() + "): ISAPI picture fetch: "
                    + e.getMessage(), e);
        }
    }
}
