package io.offsite.server;

import java.time.Instant;

/**
 * Where the server pulls the stills an evidence plan names: a camera's recording at an instant. In production an
 * ISAPI picture fetch from the dome camera or its NVR; in the demo {@link SimulatedCameras}.
 */
interface CameraSnapshots {
    /**
     * The still of {@code subject} seen by {@code cameraId} at {@code at}.
     *
     * @throws IllegalStateException when the recording has no frame then (the evidence stays incomplete)
     */
    Snapshot fetch(String cameraId, Instant at, String subject);

    /**
     * The recording of {@code cameraId} from {@code from} to {@code until}. The default strings the stills taken
     * every 5 seconds into a Motion-JPEG stream; a real recorder returns its own clip.
     */
    default Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Instant t = from; !t.isAfter(until); t = t.plusSeconds(5)) {
            out.writeBytes(fetch(cameraId, t, subject).bytes());
        }
        return new Snapshot(out.toByteArray(), "video/x-motion-jpeg");
    }

    /** A fetched still or clip: its bytes and media type. */
    record Snapshot(byte[] bytes, String mediaType) {
    }
}
