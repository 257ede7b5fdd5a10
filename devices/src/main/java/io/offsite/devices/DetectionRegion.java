package io.offsite.devices;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code DetectionRegionList/DetectionRegionEntry} of an alert: the region the rule watches (field, line,
 * region entrance, motion) and, when the device sent it, the box of the target that tripped it.
 *
 * @param regionId         {@code regionID}, when sent
 * @param sensitivityLevel {@code sensitivityLevel} (1..100), when sent
 * @param polygon          {@code RegionCoordinatesList}, in order (may be empty)
 * @param detectionTarget  {@code detectionTarget} ({@code human}, {@code vehicle}, ...), when sent
 * @param targetRect       {@code TargetRect}, when sent and not empty
 */
public record DetectionRegion(Optional<String> regionId, OptionalInt sensitivityLevel, List<RegionPoint> polygon,
        Optional<String> detectionTarget, Optional<ImageBox> targetRect) {
    public DetectionRegion {
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(sensitivityLevel, "sensitivityLevel");
        polygon = List.copyOf(polygon);
        Objects.requireNonNull(detectionTarget, "detectionTarget");
        Objects.requireNonNull(targetRect, "targetRect");
    }
}
