package io.offsite.geofence;

import io.offsite.core.geo.GeoPoint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation from a camera (or GPS unit): who (plate and/or tracker id), what class, when (event time
 * from the device, never the wall clock), where (a WGS-84 position, or a box in a camera preset's image whose
 * bottom-centre is tested against pixel fences) and a snapshot reference. Immutable; equal detections are
 * duplicates. Build with {@link #builder(CameraId, Instant)}.
 */
public final class Detection {
    /** How a subject key made of camera + tracker id starts (no plate contains a colon). */
    static final String TRACKER_PREFIX = "tracker:";
    private final CameraId camera;
    private final Instant eventTime;
    private final long eventMillis;
    private final ObjectClass objectClass;
    private final VehicleClass vehicleClass;
    private final String trackerId;
    private final PlateRead plate;
    private final GeoPoint location;
    private final PixelBox box;
    private final String snapshotRef;
    final String subjectKey;
    /** {@link #subjectKey} packed by {@link PackedPlate}, or 0 (tracker keys, unusual plates). */
    final long subjectBits;
    /** The plate text packed by {@link PackedPlate}, or 0. */
    final long plateBits;
    /** Longitude/latitude copied out of {@link #location} (NaN for pixel detections) for the hot path. */
    final double lon;
    final double lat;

    private Detection(Builder b) {
        camera = b.camera;
        eventTime = b.eventTime;
        eventMillis = b.eventTime.toEpochMilli();
        objectClass = b.objectClass;
        vehicleClass = b.vehicleClass;
        trackerId = b.trackerId;
        plate = b.plate;
        location = b.location;
        box = b.box;
        snapshotRef = b.snapshotRef;
        lon = location != null ? location.lon() : Double.NaN;
        lat = location != null ? location.lat() : Double.NaN;
        if (plate != null) {
            subjectKey = plate.text();
        } else if (trackerId != null) {
            subjectKey = TRACKER_PREFIX + camera.raw() + "/" + trackerId;
        } else {
            subjectKey = null;
        }
        subjectBits = plate != null ? PackedPlate.pack(subjectKey) : 0;
        plateBits = subjectBits;
    }

    /**
     * Starts a detection from {@code camera} at event time {@code eventTime}.
     *
     * @throws GeofenceException when {@code eventTime} is outside {@link EventTimes} ({@code [1970, 9000)} UTC)
     */
    public static Builder builder(CameraId camera, Instant eventTime) {
        return new Builder(camera, eventTime);
    }

    /** The camera (raw GB/T 28181 id kept). */
    public CameraId camera() {
        return camera;
    }

    /** Event time from the device. */
    public Instant eventTime() {
        return eventTime;
    }

    /** Event time in epoch milliseconds. */
    public long eventMillis() {
        return eventMillis;
    }

    /** Object class. */
    public ObjectClass objectClass() {
        return objectClass;
    }

    /** Special vehicle class, {@link VehicleClass#ORDINARY} unless recognised. */
    public VehicleClass vehicleClass() {
        return vehicleClass;
    }

    /** The camera tracker's id for the object, if any. */
    public Optional<String> trackerId() {
        return Optional.ofNullable(trackerId);
    }

    /** The plate read, if any. */
    public Optional<PlateRead> plate() {
        return Optional.ofNullable(plate);
    }

    /** WGS-84 position, for geographic detections. */
    public Optional<GeoPoint> location() {
        return Optional.ofNullable(location);
    }

    /** Image box, for pixel detections. */
    public Optional<PixelBox> pixelBox() {
        return Optional.ofNullable(box);
    }

    /** Snapshot reference (URL or storage key), if any. */
    public Optional<String> snapshotRef() {
        return Optional.ofNullable(snapshotRef);
    }

    /**
     * The key episodes are tracked by: the exact normalised plate, else camera + tracker id; empty if neither. A
     * plate read that only differs by OCR confusions from a plate whose episode is open at about the same position
     * is attached to that episode by the engine ({@link GeofenceEngineBuilder#confusableRadiusMeters}).
     */
    public Optional<String> subjectKey() {
        return Optional.ofNullable(subjectKey);
    }

    PlateRead plateOrNull() {
        return plate;
    }

    GeoPoint locationOrNull() {
        return location;
    }

    PixelBox boxOrNull() {
        return box;
    }

    String trackerIdOrNull() {
        return trackerId;
    }

    String snapshotOrNull() {
        return snapshotRef;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Detection d)) {
            return false;
        }
        return eventMillis == d.eventMillis && camera.equals(d.camera) && objectClass == d.objectClass
                && vehicleClass == d.vehicleClass && Objects.equals(trackerId, d.trackerId)
                && Objects.equals(plate, d.plate) && Objects.equals(location, d.location)
                && Objects.equals(box, d.box) && Objects.equals(snapshotRef, d.snapshotRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventMillis, camera, objectClass, trackerId, plate, location, box);
    }

    @Override
    public String toString() {
        return "Detection[" + camera + " @" + eventTime + " " + objectClass + (plate == null ? "" : " " + plate.text())
                + (trackerId == null ? "" : " #" + trackerId) + " " + (location != null ? location : box) + "]";
    }

    /** Validating builder; a position ({@link #at} or {@link #box}) is required. */
    public static final class Builder {
        private final CameraId camera;
        private final Instant eventTime;
        private ObjectClass objectClass = ObjectClass.CAR;
        private VehicleClass vehicleClass = VehicleClass.ORDINARY;
        private String trackerId;
        private PlateRead plate;
        private GeoPoint location;
        private PixelBox box;
        private String snapshotRef;

        private Builder(CameraId camera, Instant eventTime) {
            this.camera = Objects.requireNonNull(camera, "camera");
            this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
            if (!EventTimes.contains(eventTime)) {
                EventTimes.millis(eventTime, "detection from camera " + camera + ": eventTime");
            }
        }

        /** Object class (default {@link ObjectClass#CAR}). */
        public Builder objectClass(ObjectClass c) {
            this.objectClass = Objects.requireNonNull(c, "objectClass");
            return this;
        }

        /** Special vehicle class (default ordinary). */
        public Builder vehicleClass(VehicleClass c) {
            this.vehicleClass = Objects.requireNonNull(c, "vehicleClass");
            return this;
        }

        /** The camera tracker's id; non-blank. */
        public Builder tracker(String id) {
            if (id == null || id.isBlank()) {
                throw new GeofenceException("tracker id must be non-blank, was " + id);
            }
            this.trackerId = id;
            return this;
        }

        /**
         * A plate read (normalised here) with its confidence in [0, 1]; a plate breaking {@link Plates#problem} (empty,
         * over {@link Plates#MAX_LENGTH} characters, a character outside the plate alphabet) is refused with a
         * {@link GeofenceException} naming this camera, the event time and the rule (the plate masked).
         */
        public Builder plate(String text, double confidence) {
            Objects.requireNonNull(text, "plate");
            try {
                this.plate = new PlateRead(text, confidence);
            } catch (GeofenceException e) {
                throw new GeofenceException("detection from camera " + camera + " at " + eventTime + ": " + e.getMessage(), e);
            }
            return this;
        }

        /** WGS-84 position. */
        public Builder at(GeoPoint p) {
            this.location = Objects.requireNonNull(p, "location");
            this.box = null;
            return this;
        }

        /** WGS-84 position from degrees. */
        public Builder at(double lon, double lat) {
            return at(GeoPoint.of(lon, lat));
        }

        /** Image box for pixel fences. */
        public Builder box(PixelBox b) {
            this.box = Objects.requireNonNull(b, "box");
            this.location = null;
            return this;
        }

        /** Snapshot reference. */
        public Builder snapshot(String ref) {
            this.snapshotRef = Objects.requireNonNull(ref, "snapshot");
            return this;
        }

        /** The detection. */
        public Detection build() {
            if (location == null && box == null) {
                throw new GeofenceException("detection from camera " + camera + " at " + eventTime
                        + " has no position: set at(lon, lat) or box(...)");
            }
            return new Detection(this);
        }
    }
}
