package io.offsite.server;

import java.time.Instant;

/**
 * The recorder of a server without one configured: a still that no camera pushed near the instant is not there. The
 * evidence item stays missing and the case's completeness report names the gap; a server never makes up a picture
 * outside the demo (where {@link SimulatedCameras} stands in for the recorders).
 */
final class NoRecorder implements CameraSnapshots {
    @Override
    public Snapshot fetch(String cameraId, Instant at, String subject) {
        throw new IllegalStateException("camera " + cameraId + ": no picture pushed within "
                + PushedPictures.NEAR.toSeconds() + " s of " + at + " and no recorder to fetch one from");
    }

    @Override
    public Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
        throw new IllegalStateException("camera " + cameraId + ": no recorder to fetch the clip " + from + "–" + until
                + " from");
    }
}
