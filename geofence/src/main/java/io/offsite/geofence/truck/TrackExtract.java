package io.offsite.geofence.truck;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The GPS track around a finding (轨迹证据) and its SHA-256, ready to be stored as a GPS_TRACK evidence item.
 * Immutable; the same set of positions always gives the same bytes and hash whatever order they came in.
 *
 * <p><b>Canonical order</b>: ascending by time, then truck id, lon, lat, speed, heading; exact duplicates appear
 * once. <b>Canonical bytes</b> ({@link #canonicalBytes()}), all integers and IEEE-754 doubles big-endian:
 * <pre>
 * "OFFSITE-TRACK-1\n"           16 ASCII bytes
 * count                         int32
 * per position, in canonical order:
 *   truck id length, truck id   int32, that many ASCII digits
 *   epoch second, nano          int64, int32
 *   lon, lat                    float64, float64 (WGS-84 degrees; -0.0 written as 0.0)
 *   speed                       float64 (km/h)
 *   heading                     int32 (0..359, or -1 when none)
 * </pre>
 * {@link #sha256Hex()} is the lower-case hex SHA-256 of exactly those bytes.
 */
public final class TrackExtract {
    private static final byte[] MAGIC = "OFFSITE-TRACK-1\n".getBytes(StandardCharsets.US_ASCII);
    /** The canonical order. */
    static final Comparator<TruckPosition> ORDER = Comparator.comparing(TruckPosition::time)
            .thenComparing(TruckPosition::truckId)
            .thenComparingDouble(p -> p.location().lon())
            .thenComparingDouble(p -> p.location().lat())
            .thenComparingDouble(TruckPosition::speedKmh)
            .thenComparingInt(TruckPosition::headingDegrees);

    private final List<TruckPosition> positions;
    private final String sha256Hex;

    private TrackExtract(List<TruckPosition> positions) {
        this.positions = positions;
        this.sha256Hex = HexFormat.of().formatHex(sha256(canonicalBytes()));
    }

    /** The extract of {@code positions}, in any order (duplicates collapse). */
    public static TrackExtract of(Collection<TruckPosition> positions) {
        Objects.requireNonNull(positions, "positions");
        TreeSet<TruckPosition> sorted = new TreeSet<>(ORDER);
        for (TruckPosition p : positions) {
            sorted.add(Objects.requireNonNull(p, "position"));
        }
        return new TrackExtract(List.copyOf(new ArrayList<>(sorted)));
    }

    /** The positions in canonical order. */
    public List<TruckPosition> positions() {
        return positions;
    }

    /** Lower-case hex SHA-256 of {@link #canonicalBytes()}. */
    public String sha256Hex() {
        return sha256Hex;
    }

    /** The canonical byte form described above (a new array each call). */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(20 + positions.size() * 56);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.write(MAGIC);
            out.writeInt(positions.size());
            for (TruckPosition p : positions) {
                byte[] id = p.truckId().getBytes(StandardCharsets.US_ASCII);
                out.writeInt(id.length);
                out.write(id);
                out.writeLong(p.time().getEpochSecond());
                out.writeInt(p.time().getNano());
                out.writeDouble(p.location().lon() + 0.0);
                out.writeDouble(p.location().lat() + 0.0);
                out.writeDouble(p.speedKmh() + 0.0);
                out.writeInt(p.headingDegrees());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: in memory
        }
        return buf.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackExtract t && t.sha256Hex.equals(sha256Hex) && t.positions.equals(positions);
    }

    @Override
    public int hashCode() {
        return sha256Hex.hashCode();
    }

    @Override
    public String toString() {
        return "TrackExtract[" + positions.size() + " positions, sha256 " + sha256Hex + "]";
    }
}
