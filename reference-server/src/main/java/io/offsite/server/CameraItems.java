package io.offsite.server;

import io.offsite.core.geo.GeoPoint;
import io.offsite.evidence.DeviceReview;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.ItemKind;
import io.offsite.evidence.ItemSpec;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The evidence items a camera's picture or recording becomes: a still (stationary subject, the plan's plate
 * requirement, where it was taken) or a clip, from a reviewed device with a 500 ms clock error per 24 h — the same
 * whether the picture was pushed, fetched live or played back from the recorder later.
 */
final class CameraItems {
    private CameraItems() {
    }

    static ItemSpec still(String mediaType, Instant at, String cameraId, String subject, boolean plateLegible,
            GeoPoint where) {
        ItemSpec.Builder spec = ItemSpec.builder(ItemKind.STILL, mediaType, at, cameraId)
                .deviceReview(DeviceReview.REVIEWED).clockErrorPer24h(Duration.ofMillis(500))
                .stationary(true).plateLegible(plateLegible).subject(subject);
        if (where != null) {
            spec.location(where);
        }
        return spec.build();
    }

    static ItemSpec clip(String mediaType, Instant from, String cameraId, String subject) {
        return ItemSpec.builder(ItemKind.VIDEO_CLIP, mediaType, from, cameraId).deviceReview(DeviceReview.REVIEWED)
                .clockErrorPer24h(Duration.ofMillis(500)).subject(subject).build();
    }

    /**
     * Adds what the recorder delivered for {@code job} to {@code chain}, unless an item of that kind from that camera
     * at that instant is there already.
     *
     * @return whether it was added
     */
    static boolean addIfAbsent(EvidenceChain chain, RecorderFetches.Job job, CameraSnapshots.Snapshot s,
            String actor) {
        boolean there = chain.items().stream().anyMatch(i -> i.kind() == job.kind()
                && i.spec().capturedBy().equals(job.cameraId()) && i.spec().capturedAt().equals(job.at()));
        if (there) {
            return false;
        }
        GeoPoint where = Double.isNaN(job.lon()) ? null : GeoPoint.of(job.lon(), job.lat());
        ItemSpec spec = job.kind() == ItemKind.STILL
                ? still(s.mediaType(), job.at(), job.cameraId(), job.subject(), job.plateLegible(), where)
                : clip(s.mediaType(), job.at(), job.cameraId(), job.subject());
        chain.add(spec, new ByteArrayInputStream(s.bytes()), actor);
        return true;
    }
}
