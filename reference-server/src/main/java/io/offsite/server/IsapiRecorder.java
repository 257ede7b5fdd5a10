package io.offsite.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorder playback for evidence: the picture a camera's recorder (its NVR, or the camera's own card) stored near a
 * past instant, and the recording of a clip's whole span, over Hikvision ISAPI ({@code POST /ISAPI/ContentMgmt/search}
 * on the picture track {@code channel×100+3} or the video track {@code channel×100+1}, then
 * {@code /ISAPI/ContentMgmt/download} with the match's playback URI), HTTP Basic or Digest. A recorder with nothing
 * recorded then (or a camera not in the site table) leaves the item to the fallback; a clip the recording covers only
 * in part is refused, naming the part covered. Errors name the camera, the recorder and its answer, never the
 * credentials.
 */
final class IsapiRecorder implements CameraSnapshots {
    /** Largest still accepted. */
    static final long MAX_STILL_BYTES = 8L * 1024 * 1024;
    /** Largest clip accepted (held in memory once). */
    static final long MAX_CLIP_BYTES = 256L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(IsapiRecorder.class);
    private static final int PAGE = 50;
    private static final int MAX_PAGES = 10;
    private static final int MAX_SEARCH_BYTES = 1024 * 1024;

    private final CameraSites sites;
    private final Authenticator credentials;
    private final CameraSnapshots fallback;
    private final long maxStill;
    private final long maxClip;

    IsapiRecorder(CameraSites sites, String user, String password, CameraSnapshots fallback) {
        this(sites, user, password, fallback, MAX_STILL_BYTES, MAX_CLIP_BYTES);
    }

    IsapiRecorder(CameraSites sites, String user, String password, CameraSnapshots fallback, long maxStill,
            long maxClip) {
        this.sites = Objects.requireNonNull(sites, "sites");
        this.credentials = IsapiCredentials.of(user, password);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.maxStill = Math.min(maxStill, Integer.MAX_VALUE - 8);
        this.maxClip = Math.min(maxClip, Integer.MAX_VALUE - 8);
    }

    /** The stored picture nearest to {@code at} within {@link PushedPictures#NEAR}. */
    @Override
    public Snapshot fetch(String cameraId, Instant at, String subject) {
        var recorder = sites.recorderOf(cameraId);
        if (recorder.isEmpty()) {
            return fallback.fetch(cameraId, at, subject);
        }
        Target t = new Target(cameraId, recorder.get());
        List<IsapiSearch.Match> pictures = search(t, IsapiSearch.PICTURE_TRACK, at.minus(PushedPictures.NEAR),
                at.plus(PushedPictures.NEAR));
        var nearest = pictures.stream().min(Comparator.comparing(m -> Duration.between(m.start(), at).abs()));
        if (nearest.isEmpty() || Duration.between(nearest.get().start(), at).abs().compareTo(PushedPictures.NEAR) > 0) {
            try {
                return fallback.fetch(cameraId, at, subject);
            } catch (RuntimeException e) {
                IllegalStateException gap = new IllegalStateException(t + ": the recorder has no picture within "
                        + PushedPictures.NEAR.toSeconds() + " s of " + at + " (search answered NO MATCHES)");
                gap.addSuppressed(e);
                throw gap;
            }
        }
        Download d = download(t, nearest.get().playbackUri(), maxStill, "picture");
        if (!d.mediaType().equals("image/jpeg")) {
            throw new IllegalStateException(t + ": ISAPI picture download answered " + d.mediaType() + ", not image/jpeg");
        }
        return new Snapshot(d.bytes(), "image/jpeg");
    }

    /**
     * The recording of exactly [{@code from}, {@code until}], in the recorder's own format (its media type as it
     * answered: {@code video/mp4}, or {@code application/octet-stream} for a PS stream).
     *
     * @throws IllegalStateException when the recording covers only part of the span (the message names the part)
     */
    @Override
    public Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
        var recorder = sites.recorderOf(cameraId);
        if (recorder.isEmpty()) {
            return fallback.clip(cameraId, from, until, subject);
        }
        Target t = new Target(cameraId, recorder.get());
        List<IsapiSearch.Match> segments = search(t, IsapiSearch.VIDEO_TRACK, from, until);
        List<IsapiSearch.Match> covered = IsapiSearch.covered(segments, from, until);
        if (covered.isEmpty()) {
            try {
                return fallback.clip(cameraId, from, until, subject);
            } catch (RuntimeException e) {
                IllegalStateException gap = new IllegalStateException(t + ": the recorder has no recording of "
                        + from + "–" + until + " (search answered NO MATCHES)");
                gap.addSuppressed(e);
                throw gap;
            }
        }
        if (covered.size() > 1 || covered.getFirst().start().isAfter(from) || covered.getFirst().end().isBefore(until)) {
            throw new IllegalStateException(t + ": the recording covers only " + covered.stream()
                    .map(m -> m.start() + "–" + m.end()).collect(Collectors.joining(", ")) + " of the clip " + from
                    + "–" + until + "; an incomplete clip is not taken");
        }
        boolean oneFile = segments.stream().filter(m -> m.end().isAfter(from) && m.start().isBefore(until)).count() == 1;
        String uri = IsapiSearch.narrowed(covered.getFirst().playbackUri(), from, until, oneFile);
        Download d = download(t, uri, maxClip, "clip");
        if (d.mediaType().startsWith("image/") || d.mediaType().startsWith("text/") || d.mediaType().endsWith("xml")) {
            throw new IllegalStateException(t + ": ISAPI clip download answered " + d.mediaType() + ", not a recording");
        }
        LOG.info("{}: recorded clip {}–{} fetched, {} bytes {}", t, from, until, d.bytes().length, d.mediaType());
        return new Snapshot(d.bytes(), d.mediaType());
    }

    /** The camera asked for and the {@code <ip>/<channel>} of its recorder. */
    private record Target(String cameraId, String recorder) {
        String host() {
            return recorder.substring(0, recorder.indexOf('/'));
        }

        int track(int kind) {
            try {
                return Integer.parseInt(recorder.substring(recorder.indexOf('/') + 1)) * 100 + kind;
            } catch (NumberFormatException e) {
                throw new IllegalStateException(this + ": the channel is not a number", e);
            }
        }

        @Override
        public String toString() {
            return "camera " + cameraId + " (recorder " + recorder + ")";
        }
    }

    private record Download(byte[] bytes, String mediaType) {
    }

    private List<IsapiSearch.Match> search(Target t, int kind, Instant from, Instant until) {
        List<IsapiSearch.Match> all = new ArrayList<>();
        String searchId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        for (int page = 0; page < MAX_PAGES; page++) {
            String body = IsapiSearch.description(searchId, t.track(kind), from, until, PAGE, page * PAGE);
            Download answer = exchange(t, "/ISAPI/ContentMgmt/search", body, 5_000, MAX_SEARCH_BYTES, "search");
            IsapiSearch.Page p;
            try {
                p = IsapiSearch.parse(answer.bytes());
            } catch (IsapiSearch.MalformedAnswer e) {
                throw new IllegalStateException(t + ": ISAPI search answered " + e.getMessage(), e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(t + ": " + e.getMessage(), e);
            }
            all.addAll(p.matches());
            if (!p.more() || p.matches().isEmpty()) {
                return all;
            }
        }
        LOG.warn("{}: recorder search still had more after {} results; using those", t, all.size());
        return all;
    }

    private Download download(Target t, String playbackUri, long limit, String what) {
        return exchange(t, "/ISAPI/ContentMgmt/download", IsapiSearch.downloadRequest(playbackUri), 30_000, limit, what
                + " download");
    }

    /**
     * Posts {@code body} to the recorder. The JDK's {@link HttpURLConnection} (which answers Basic and Digest
     * challenges through the {@link Authenticator}) sends a body only with POST, which recorders accept for the
     * download as well as the search.
     */
    private Download exchange(Target t, String path, String body, int readTimeoutMillis, long limit, String what) {
        URI uri = URI.create("http://" + t.host() + path);
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setAuthenticator(credentials);
            c.setConnectTimeout(2_000);
            c.setReadTimeout(readTimeoutMillis);
            c.setInstanceFollowRedirects(false);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/xml; charset=UTF-8");
            try {
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
                int status = c.getResponseCode();
                String type = c.getContentType() == null ? "" : c.getContentType();
                String mediaType = type.isEmpty() ? "application/octet-stream"
                        : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (status != 200) {
                    String said = "";
                    try (InputStream err = c.getErrorStream()) {
                        if (err != null) {
                            said = IsapiSearch.responseStatus(err.readNBytes(64 * 1024)).map(s -> " (" + s + ")")
                                    .orElse("");
                        }
                    }
                    throw new IllegalStateException(t + ": ISAPI " + what + " answered " + status + " "
                            + (type.isEmpty() ? "without a content type" : type) + said);
                }
                long length = c.getContentLengthLong();
                if (length > limit) {
                    throw new IllegalStateException(t + ": ISAPI " + what + " of " + length
                            + " bytes is larger than the " + limit + " accepted");
                }
                try (InputStream in = c.getInputStream()) {
                    byte[] bytes = in.readNBytes((int) limit + 1);
                    if (bytes.length > limit) {
                        throw new IllegalStateException(t + ": ISAPI " + what + " is larger than the " + limit
                                + " bytes accepted");
                    }
                    if (!what.equals("search") && (mediaType.endsWith("xml"))) {
                        String said = IsapiSearch.responseStatus(bytes).orElse("not a " + what);
                        throw new IllegalStateException(t + ": ISAPI " + what + " answered " + type + " (" + said + ")");
                    }
                    return new Download(bytes, mediaType);
                }
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(t + ": ISAPI " + what + ": " + e.getMessage(), e);
        }
    }
}
