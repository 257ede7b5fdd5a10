package io.offsite.server;

import io.offsite.evidence.Sha256;
import io.offsite.evidence.spi.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Stills the cameras pushed themselves (ISAPI pictures), kept in the blob store as they arrive and indexed by camera
 * and time, so an evidence plan's "still at t" is the camera's own picture nearest to t (within {@link #NEAR}); only
 * when there is none is the fallback asked (the camera's recorder, or the simulation). The index keeps the last
 * {@link #KEEP} of pictures per camera; the blobs stay in the store.
 */
final class PushedPictures implements CameraSnapshots {
    static final Duration NEAR = Duration.ofSeconds(10);
    static final Duration KEEP = Duration.ofHours(2);

    private record Ref(Sha256 sha256, String mediaType) {
    }

    private final BlobStore blobs;
    private final CameraSnapshots fallback;
    private final Map<String, NavigableMap<Instant, Ref>> byCamera = new ConcurrentHashMap<>();

    PushedPictures(BlobStore blobs, CameraSnapshots fallback) {
        this.blobs = blobs;
        this.fallback = fallback;
    }

    /** Stores a pushed picture; returns its blob reference ({@code blob:sha256:<hex>}) for the detection's snapshot. */
    String put(String cameraId, Instant at, byte[] bytes, String mediaType) {
        Sha256 sha = blobs.put(new ByteArrayInputStream(bytes)).sha256();
        NavigableMap<Instant, Ref> index = byCamera.computeIfAbsent(cameraId, c -> new ConcurrentSkipListMap<>());
        index.put(at, new Ref(sha, mediaType));
        index.headMap(at.minus(KEEP)).clear();
        return "blob:sha256:" + sha;
    }

    @Override
    public Snapshot fetch(String cameraId, Instant at, String subject) {
        return pushed(cameraId, at).orElseGet(() -> fallback.fetch(cameraId, at, subject));
    }

    /**
     * The fallback's recording of the span (a recorder's own clip); when it has none, the pictures the camera pushed
     * strung every 5 seconds into a Motion-JPEG stream, if they cover the whole span.
     */
    @Override
    public Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
        try {
            return fallback.clip(cameraId, from, until, subject);
        } catch (RuntimeException recorderGap) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Instant t = from; !t.isAfter(until); t = t.plusSeconds(5)) {
                out.writeBytes(pushed(cameraId, t).orElseThrow(() -> recorderGap).bytes());
            }
            return new Snapshot(out.toByteArray(), "video/x-motion-jpeg");
        }
    }

    private java.util.Optional<Snapshot> pushed(String cameraId, Instant at) {
        NavigableMap<Instant, Ref> index = byCamera.get(cameraId);
        if (index != null) {
            Map.Entry<Instant, Ref> before = index.floorEntry(at);
            Map.Entry<Instant, Ref> after = index.ceilingEntry(at);
            Map.Entry<Instant, Ref> best = before == null ? after : after == null ? before
                    : Duration.between(before.getKey(), at).compareTo(Duration.between(at, after.getKey())) <= 0
                            ? before : after;
            if (best != null && Duration.between(best.getKey(), at).abs().compareTo(NEAR) <= 0) {
                try (InputStream in = blobs.open(best.getValue().sha256()).orElseThrow(() -> new IllegalStateException(
                        "pushed picture " + best.getValue().sha256() + " is missing from the blob store"))) {
                    return java.util.Optional.of(new Snapshot(in.readAllBytes(), best.getValue().mediaType()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
