package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.evidence.InMemoryBlobStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Outside the demo a still comes from what the camera pushed, or it is missing: the server never makes one up. */
class PushedPicturesTest {
    private static final String CAMERA = "33100300001321000001";
    private static final Instant T = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void aPushedPictureNearTheInstantIsTheStill() {
        PushedPictures pictures = new PushedPictures(InMemoryBlobStore.create(), new NoRecorder());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        pictures.put(CAMERA, T, jpeg, "image/jpeg");
        CameraSnapshots.Snapshot s = pictures.fetch(CAMERA, T.plusSeconds(4), "浙J12345");
        assertThat(s.bytes()).isEqualTo(jpeg);
        assertThat(s.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void withoutAPushedPictureAndWithoutRecorderTheStillIsMissingAndSaysWhy() {
        PushedPictures pictures = new PushedPictures(InMemoryBlobStore.create(), new NoRecorder());
        pictures.put(CAMERA, T, new byte[] {1}, "image/jpeg");
        assertThatThrownBy(() -> pictures.fetch(CAMERA, T.plusSeconds(60), "浙J12345"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(CAMERA)
                .hasMessageContaining("no recorder");
        assertThatThrownBy(() -> pictures.clip(CAMERA, T, T.plusSeconds(30), "浙J12345"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClipIsTheRecordersOwnWhenItHasOneElseThePushedPicturesIfTheyCoverTheSpan() {
        CameraSnapshots recorder = new CameraSnapshots() {
            @Override
            public Snapshot fetch(String cameraId, Instant at, String subject) {
                throw new IllegalStateException("no picture");
            }

            @Override
            public Snapshot clip(String cameraId, Instant from, Instant until, String subject) {
                if (from.equals(T)) {
                    return new Snapshot(new byte[] {9}, "video/mp4");
                }
                throw new IllegalStateException("the recorder has no recording of " + from);
            }
        };
        PushedPictures pictures = new PushedPictures(InMemoryBlobStore.create(), recorder);
        for (int s = 0; s <= 60; s += 10) {
            pictures.put(CAMERA, T.plusSeconds(s), new byte[] {(byte) s}, "image/jpeg");
        }
        assertThat(pictures.clip(CAMERA, T, T.plusSeconds(30), "浙J12345").mediaType()).isEqualTo("video/mp4");
        CameraSnapshots.Snapshot pushed = pictures.clip(CAMERA, T.plusSeconds(10), T.plusSeconds(40), "浙J12345");
        assertThat(pushed.mediaType()).isEqualTo("video/x-motion-jpeg");
        assertThat(pushed.bytes()).hasSize(7);
        assertThatThrownBy(() -> pictures.clip(CAMERA, T.plusSeconds(50), T.plusSeconds(90), "浙J12345"))
                .hasMessageContaining("the recorder has no recording of");
    }
}
