package io.offsite.geofence;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The {@link PolygonGrid}'s cells packed so that a lookup usually reads one or two adjacent cache lines: a
 * one-bit-per-cell occupancy bitset with a per-64-cell rank and the offset of each occupied cell (all small enough to
 * stay cached) find a cell's data, which sits together in {@link #entries}: a four-long slot holding its first entry
 * whole, the cell's further entries (1 long for an inside entry, 3 for a boundary one), then the {@link CellEdges}
 * records of all its entries. An entry is a head
 * {@code recordOffset << 32 | ordinal << 3 | dense << 2 | last << 1 | boundary}; a boundary entry (its polygon's
 * boundary meets the cell) also has its {@link SubCells} inside and boundary bits, so a point in a sub-cell no edge
 * meets is answered without reading the record, and the dense flag sends a point in a crossed sub-cell straight to
 * its {@link SubCellEdges} sub-record. Slot: head, inside bits (all set for an inside entry), boundary bits, offset
 * of the cell's further entries. Lookups never allocate.
 */
final class CellTable {
    /**
     * Each slot starts at an offset {@code ≡ LINE_AT (mod 8)}: at a 64-byte line when the array's data starts 16
     * bytes after a line, as G1 places a large (humongous) {@code long[]}, so a slot and what follows it share one
     * line (about 6 % faster on the hard corpus for 3.5 words of padding per occupied cell).
     */
    private static final int LINE_AT = 6;
    private final long[] occupied;
    /** Occupied cells before each 64-cell block. */
    private final int[] rank;
    /** Per occupied cell, the offset of its slot in {@link #entries}. */
    private final int[] at;
    private final long[] entries;
    private final EdgeBands[] banded;
    private final double[][] flat;
    /** The grid's origin and cell size: cell (cx, cy) has its lower-left corner at (minX + cx·cw, minY + cy·ch). */
    private final double minX;
    private final double minY;
    private final double cw;
    private final double ch;

    /**
     * Packs {@code cells} cells whose entries are {@code list[start[c] .. start[c + 1])}, in ordinal order: an inside
     * entry {@code ordinal << 1}, a boundary entry {@code record << 1 | 1}. {@code banded}/{@code flat} are the
     * whole polygons for records that defer to them.
     */
    CellTable(int cells, int[] start, int[] list, CellEdgesBuilder records, EdgeBands[] banded, double[][] flat,
            double minX, double minY, double cw, double ch) {
        this.minX = minX;
        this.minY = minY;
        this.cw = cw;
        this.ch = ch;
        this.banded = banded;
        this.flat = flat;
        occupied = new long[(cells + 63) >>> 6];
        rank = new int[occupied.length];
        int m = 0;
        long total = 0;
        for (int c = 0; c < cells; c++) {
            if ((c & 63) == 0) {
                rank[c >>> 6] = m;
            }
            if (start[c + 1] > start[c]) {
                occupied[c >>> 6] |= 1L << c;
                m++;
                total += Math.floorMod(LINE_AT - total, 8) + 4;
                for (int k = start[c]; k < start[c + 1]; k++) {
                    int e = list[k];
                    total += (k > start[c] ? ((e & 1) == 0 ? 1 : 3) : 0) + ((e & 1) == 0 ? 0 : records.length(e >>> 1));
                }
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new GeofenceException("fence set too large for one index (" + total + " words)");
        }
        at = new int[m];
        entries = new long[(int) total + 2]; // a walk reads two words past an inside entry
        int size = 0;
        int r = 0;
        for (int c = 0; c < cells; c++) {
            int from = start[c];
            int to = start[c + 1];
            if (to == from) {
                continue;
            }
            size += Math.floorMod(LINE_AT - size, 8);
            int q = size;
            at[r++] = q;
            size += 4;
            int rec = size;
            for (int k = from + 1; k < to; k++) {
                rec += (list[k] & 1) == 0 ? 1 : 3;
            }
            for (int k = from; k < to; k++) {
                int e = list[k];
                long head = (k == to - 1 ? 2 : 0) | (e & 1);
                long inside = -1L; // an inside entry: every sub-cell inside (only a slot keeps these bits)
                long boundary = 0;
                if ((e & 1) == 0) {
                    head |= (long) (e >>> 1) << 3;
                } else {
                    int id = e >>> 1;
                    head |= (long) rec << 32 | (long) records.ordinal(id) << 3 | (records.dense(id) ? 4 : 0);
                    inside = records.inside(id);
                    boundary = records.boundary(id);
                    records.copy(id, entries, rec);
                    rec += records.length(id);
                }
                if (k == from) {
                    entries[q] = head;
                    entries[q + 1] = inside;
                    entries[q + 2] = boundary;
                    entries[q + 3] = to - from > 1 ? size : 0;
                } else {
                    entries[size++] = head;
                    if ((e & 1) != 0) {
                        entries[size++] = inside;
                        entries[size++] = boundary;
                    }
                }
            }
            size = rec;
        }
    }

    /** The offset of cell {@code c}'s slot in the entries, or −1 when the cell has no entry. */
    int slot(int c) {
        long word = occupied[c >>> 6];
        long bit = 1L << c;
        return (word & bit) == 0 ? -1 : at[rank[c >>> 6] + Long.bitCount(word & (bit - 1))];
    }

    /**
     * {@link PolygonGrid#containing}, for a point in sub-cell {@code s} of the cell of slot {@code r}. An inside entry
     * reads as a boundary entry whose sub-cells are all inside, so the walk branches only on the sub-cells that need
     * the edge test and on the cell's last entry; a miss rewrites {@code out[n]} with its own value.
     */
    int containing(int r, int s, double lon, double lat, int cx, int cy, int[] out) {
        int q = r;
        long w = entries[q];
        int n = hits(w, entries[q + 1], entries[q + 2], s, lon, lat, cx, cy);
        if (out.length > 0) {
            out[0] = n != 0 ? ordinal(w) : out[0];
        }
        if ((w & 2) != 0) {
            return n;
        }
        for (int k = (int) entries[q + 3]; ; ) {
            w = entries[k];
            long boundaryMask = -(w & 1);
            int in = hits(w, entries[k + 1] | ~boundaryMask, entries[k + 2] & boundaryMask, s, lon, lat, cx, cy);
            k += 1 + (int) (boundaryMask & 2);
            if (n < out.length) {
                int old = out[n];
                out[n] = old ^ ((old ^ ordinal(w)) & -in);
            }
            n += in;
            if ((w & 2) != 0) {
                return n;
            }
        }
    }

    /** 1 when entry {@code w} (an inside entry with all {@code inside} bits set) contains (lon, lat), else 0. */
    private int hits(long w, long inside, long boundary, int s, double lon, double lat, int cx, int cy) {
        if ((boundary >>> s & 1) == 0) {
            return (int) (inside >>> s) & 1;
        }
        return hit(w, inside, boundary, s, lon, lat, cx, cy) ? 1 : 0;
    }

    /** {@link PolygonGrid#forEachContaining}, for a point in sub-cell {@code s} of the cell of slot {@code r}. */
    int forEach(int r, int s, double lon, double lat, int cx, int cy, IntConsumer visitor) {
        int q = r;
        long w = entries[q];
        int n = 0;
        if (hit(w, entries[q + 1], entries[q + 2], s, lon, lat, cx, cy)) {
            visitor.accept(ordinal(w));
            n++;
        }
        if ((w & 2) != 0) {
            return n;
        }
        for (int k = (int) entries[q + 3]; ; ) {
            w = entries[k];
            boolean in = (w & 1) == 0 || hit(w, entries[k + 1], entries[k + 2], s, lon, lat, cx, cy);
            k += (w & 1) == 0 ? 1 : 3;
            if (in) {
                visitor.accept(ordinal(w));
                n++;
            }
            if ((w & 2) != 0) {
                return n;
            }
        }
    }

    /** {@link PolygonGrid#forEachItem}, for a point in sub-cell {@code s} of the cell of slot {@code r}. */
    @SuppressWarnings("unchecked")
    <T> int forEachItem(int r, int s, double lon, double lat, int cx, int cy, Object[] items,
            Consumer<? super T> visitor) {
        int q = r;
        long w = entries[q];
        int n = 0;
        if (hit(w, entries[q + 1], entries[q + 2], s, lon, lat, cx, cy)) {
            visitor.accept((T) items[ordinal(w)]);
            n++;
        }
        if ((w & 2) != 0) {
            return n;
        }
        for (int k = (int) entries[q + 3]; ; ) {
            w = entries[k];
            boolean in = (w & 1) == 0 || hit(w, entries[k + 1], entries[k + 2], s, lon, lat, cx, cy);
            k += (w & 1) == 0 ? 1 : 3;
            if (in) {
                visitor.accept((T) items[ordinal(w)]);
                n++;
            }
            if ((w & 2) != 0) {
                return n;
            }
        }
    }

    private static int ordinal(long w) {
        return (int) w >>> 3;
    }

    /** Whether entry {@code w} (with its sub-cell bits) contains (lon, lat), whose sub-cell is {@code s}. */
    private boolean hit(long w, long inside, long boundary, int s, double lon, double lat, int cx, int cy) {
        if ((w & 1) == 0) {
            return true;
        }
        long bit = 1L << s;
        if ((boundary & bit) == 0) {
            return (inside & bit) != 0;
        }
        int o = (int) (w >>> 32);
        double rx = lon - (minX + cx * cw); // the corner the build packed the cell's edges from
        double ry = lat - (minY + cy * ch);
        int loc = (w & 4) != 0 ? SubCellEdges.locate(entries, o, s, boundary, rx, ry, lat)
                : CellEdges.locate(entries, o, s, boundary, rx, ry, lat);
        if (loc >= 0) {
            return loc == 1;
        }
        int ord = ordinal(w);
        EdgeBands b = banded[ord];
        return b != null ? b.containsProperly(lon, lat) : FlatPolygon.containsProperly(flat[ord], lon, lat);
    }

    /**
     * min(r, distance from (lon, lat) to the nearest boundary of the cell of slot {@code slot}'s polygons), where
     * {@code r} is at most the distance to the cell's border.
     */
    double clearance(int slot, double lon, double lat, double rx, double ry, double r) {
        long w = entries[slot];
        r = boundaryClearance(w, lon, lat, rx, ry, r);
        if ((w & 2) != 0) {
            return r;
        }
        for (int k = (int) entries[slot + 3]; ; ) {
            w = entries[k];
            r = boundaryClearance(w, lon, lat, rx, ry, r);
            k += (w & 1) == 0 ? 1 : 3;
            if ((w & 2) != 0) {
                return r;
            }
        }
    }

    private double boundaryClearance(long w, double lon, double lat, double rx, double ry, double r) {
        // an "inside" entry's geometry contains the whole cell: none of its boundary is nearer than the cell border
        if ((w & 1) == 0) {
            return r;
        }
        double d = CellEdges.distanceWithin(entries, (int) (w >>> 32), rx, ry, r);
        if (d == d) {
            return Math.min(r, d);
        }
        int ord = ordinal(w);
        EdgeBands b = banded[ord];
        return Math.min(r, b != null ? b.boundaryDistanceWithin(lon, lat, r)
                : FlatPolygon.boundaryDistance(flat[ord], lon, lat));
    }

    /** Approximate retained bytes of the table (not of the whole polygons it refers to). */
    long approximateBytes() {
        return 16L + occupied.length * 8L + 16 + rank.length * 4L + 16 + at.length * 4L + 16 + entries.length * 8L;
    }
}
