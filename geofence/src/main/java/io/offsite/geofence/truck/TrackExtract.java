package io.offsite.geofence.truck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

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
    static final Comparator<TruckPosition> ORDER = TrackExtract::compare;

    private final List<TruckPosition> positions;
    private final String sha256Hex;

    private TrackExtract(List<TruckPosition> positions) {
        this.positions = positions;
        this.sha256Hex = HexFormat.of().formatHex(sha256(canonicalBytes()));
    }

    /** The extract of {@code positions}, in any order (duplicates collapse). */
    public static TrackExtract of(Collection<TruckPosition> positions) {
        Objects.requireNonNull(positions, "positions");
        TruckPosition[] a = positions.toArray(new TruckPosition[0]);
        for (TruckPosition p : a) {
            Objects.requireNonNull(p, "position");
        }
        Arrays.sort(a, ORDER);
        int n = 0;
        for (TruckPosition p : a) {
            if (n == 0 || ORDER.compare(a[n - 1], p) != 0) {
                a[n++] = p;
            }
        }
        return new TrackExtract(List.of(Arrays.copyOf(a, n)));
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
        int size = MAGIC.length + 4;
        for (TruckPosition p : positions) {
            size += 4 + p.truckId().length() + 8 + 4 + 8 * 3 + 4;
        }
        ByteBuffer out = ByteBuffer.allocate(size); // big-endian
        out.put(MAGIC).putInt(positions.size());
        for (TruckPosition p : positions) {
            byte[] id = p.truckId().getBytes(StandardCharsets.US_ASCII);
            out.putInt(id.length).put(id);
            out.putLong(p.time().getEpochSecond()).putInt(p.time().getNano());
            out.putDouble(p.location().lon() + 0.0).putDouble(p.location().lat() + 0.0);
            out.putDouble(p.speedKmh() + 0.0).putInt(p.headingDegrees());
        }
        return out.array();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    private static int compare(TruckPosition a, TruckPosition b) {
        int c = a.time().compareTo(b.time());
        if (c == 0) {
            c = a.truckId().compareTo(b.truckId());
        }
        if (c == 0) {
            c = Double.compare(a.location().lon(), b.location().lon());
        }
        if (c == 0) {
            c = Double.compare(a.location().lat(), b.location().lat());
        }
        if (c == 0) {
            c = Double.compare(a.speedKmh(), b.speedKmh());
        }
        return c != 0 ? c : Integer.compare(a.headingDegrees(), b.headingDegrees());
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
