package io.offsite.geofence;

import static io.offsite.geofence.CellEdges.EPS;
import static io.offsite.geofence.CellEdges.MAX_DENSE_CELL;
import static io.offsite.geofence.CellEdges.MAX_PER_CELL;
import static io.offsite.geofence.CellEdges.ROW_SPLIT_MIN;
import static io.offsite.geofence.CellEdges.at;
import static io.offsite.geofence.CellEdges.oddToggles;

import java.util.Arrays;

/** Collects the {@link CellEdges} records of a grid while it is classified (one record per polygon and cell). */
final class CellEdgesBuilder {
    private int records;
    private long[] data = new long[1024];
    private int size;
    private long[] meta = new long[384];
    private double[] toggles = new double[64];
    private final IntList near = new IntList();

    /**
     * Adds the record of polygon {@code ordinal} in the cell with lower-left corner (x0, y0) and size cw × ch
     * (expanded by {@link #EPS}) from the polygon's edges {@code e} (x1, y1, x2, y2 each) whose indices are
     * {@code rowEdges} (those meeting the cell's expanded row), with its {@link SubCells}; returns the record
     * number.
     */
    int add(int ordinal, double[] e, IntList rowEdges, double x0, double y0, double cw, double ch) {
        int o = size;
        addEdges(e, rowEdges, x0 - EPS, x0 + cw + EPS, y0 - EPS, y0 + ch + EPS);
        int rec = records++;
        if (meta.length < 3 * records) {
            meta = Arrays.copyOf(meta, Math.max(2 * meta.length, 3 * records));
        }
        SubCells.classify(data, o, x0, y0, cw, ch, meta, 3 * rec);
        meta[3 * rec + 2] = (long) o << 32 | ordinal;
        long[] dense = data[o] > SubCellEdges.MIN_EDGES
                ? SubCellEdges.of(data, o, meta[3 * rec + 1], x0, y0, cw, ch) : null;
        if (dense != null) {
            size = o;
            ensure(dense.length);
            System.arraycopy(dense, 0, data, o, dense.length);
            size += dense.length;
        } else if (data[o] + data[o + 1] > MAX_PER_CELL) {
            size = o;
            defer();
            meta[3 * rec] = 0;
            meta[3 * rec + 1] = -1L;
        } else if (data[o] > ROW_SPLIT_MIN) {
            splitRows(o, y0, ch);
        }
        pack(o, x0, y0, Math.max(cw, ch) + 2 * EPS);
        return rec;
    }

    /**
     * Rewrites the last record (at {@code o}, flat) with its edges listed per sub-row when that at most doubles
     * them: an edge is in every sub-row its y-range meets (expanded by {@link #EPS}), and a point's edge test
     * needs no edge whose y-range misses it. Long steep edges would repeat in many sub-rows; such a record stays flat.
     */
    private void splitRows(int o, double y0, double ch) {
        int ne = (int) data[o];
        double sh = ch / SubCells.SPLIT;
        int[] rows = new int[SubCells.SPLIT];
        int total = 0;
        for (int r = 0; r < SubCells.SPLIT; r++) {
            double lo = y0 + r * sh - EPS;
            double hi = y0 + (r + 1) * sh + EPS;
            for (int j = o + 3; j < o + 3 + 4 * ne; j += 4) {
                total += meetsRow(j, lo, hi) ? 1 : 0;
            }
            rows[r] = total;
        }
        if (total > 2 * ne) {
            return;
        }
        int nb = (int) data[o + 1];
        long[] flat = Arrays.copyOfRange(data, o, o + 3 + 4 * ne + nb);
        size = o + 3 + SubCells.SPLIT;
        ensure(4 * total + nb);
        for (int r = 0; r < SubCells.SPLIT; r++) {
            double lo = y0 + r * sh - EPS;
            double hi = y0 + (r + 1) * sh + EPS;
            for (int j = 3; j < 3 + 4 * ne; j += 4) {
                if (meetsRow(flat, j, lo, hi)) {
                    System.arraycopy(flat, j, data, size, 4);
                    size += 4;
                }
            }
            data[o + 3 + r] = rows[r];
        }
        System.arraycopy(flat, 3 + 4 * ne, data, size, nb);
        size += nb;
        data[o] = -2 - total;
    }

    private boolean meetsRow(int j, double lo, double hi) {
        return meetsRow(data, j, lo, hi);
    }

    private static boolean meetsRow(long[] d, int j, double lo, double hi) {
        double y1 = at(d, j + 1);
        double y2 = at(d, j + 3);
        return Math.max(y1, y2) >= lo && Math.min(y1, y2) <= hi;
    }

    /** Packs the edges of the last record (at {@code o}, flat or per sub-row) relative to its cell corner. */
    private void pack(int o, double x0, double y0, double r) {
        int head = (int) data[o];
        if (head == -1 || head == SubCellEdges.MARK) {
            return; // deferred, or dense (packed by SubCellEdges)
        }
        int from = head >= 0 ? o + 3 : o + 3 + SubCells.SPLIT;
        int ne = head >= 0 ? head : -2 - head;
        int nb = (int) data[o + 1];
        CellEdges.packEdges(data, from, ne, x0, y0);
        System.arraycopy(data, from + 4 * ne, data, from + 2 * ne, nb);
        size = from + 2 * ne + nb;
        long margins = CellEdges.margins(CellEdges.maxAbs(data, from, from + 2 * ne), r);
        data[o + 1] = (data[o + 1] & 0xffffffffL) | margins << 32;
        data[o + 2] = (data[o + 2] & 0xffffffffL) | margins & 0xffffffff00000000L;
    }

    /** Appends the flat record (see the class layout) of the edges {@code e} near the expanded cell. */
    private void addEdges(double[] e, IntList rowEdges, double xLo, double xHi, double yLo, double yHi) {
        near.size = 0;
        int nt = 0;
        int parity = 0;
        for (int k = 0; k < rowEdges.size; k++) {
            int j = 4 * rowEdges.data[k];
            double minX = Math.min(e[j], e[j + 2]);
            double maxX = Math.max(e[j], e[j + 2]);
            if (maxX < xLo) {
                continue;
            }
            if (minX <= xHi) {
                near.add(j);
                continue;
            }
            for (int t = 0; t < 2; t++) {
                double v = t == 0 ? Math.min(e[j + 1], e[j + 3]) : Math.max(e[j + 1], e[j + 3]);
                if (v < yLo) {
                    parity ^= 1;
                } else if (v <= yHi) {
                    if (nt == toggles.length) {
                        toggles = Arrays.copyOf(toggles, 2 * nt);
                    }
                    toggles[nt++] = v;
                }
            }
        }
        int kept = oddToggles(toggles, nt);
        if (near.size + kept > MAX_DENSE_CELL) {
            defer();
            return;
        }
        // descending max x, so the edge test stops at the first edge wholly left of the point
        for (int k = 1; k < near.size; k++) {
            int j = near.data[k];
            double m = Math.max(e[j], e[j + 2]);
            int q = k - 1;
            while (q >= 0 && Math.max(e[near.data[q]], e[near.data[q] + 2]) < m) {
                near.data[q + 1] = near.data[q];
                q--;
            }
            near.data[q + 1] = j;
        }
        ensure(3 + 4 * near.size + kept);
        data[size++] = near.size;
        data[size++] = kept;
        data[size++] = parity;
        for (int k = 0; k < near.size; k++) {
            for (int q = 0; q < 4; q++) {
                data[size++] = Double.doubleToRawLongBits(e[near.data[k] + q]);
            }
        }
        for (int k = 0; k < kept; k++) {
            data[size++] = Double.doubleToRawLongBits(toggles[k]);
        }
    }

    /** Appends a record that defers to the whole-polygon test. */
    private void defer() {
        ensure(3);
        data[size++] = -1;
        data[size++] = 0;
        data[size++] = 0;
    }

    private void ensure(int n) {
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, size + n));
        }
    }

    /** Number of records added. */
    int count() {
        return records;
    }

    /** Record {@code rec}'s sub-cells wholly inside its polygon ({@link SubCells} bits). */
    long inside(int rec) {
        return meta[3 * rec];
    }

    /** Record {@code rec}'s sub-cells that need the edge test. */
    long boundary(int rec) {
        return meta[3 * rec + 1];
    }

    /** Number of longs of record {@code rec}. */
    int length(int rec) {
        return CellEdges.length(data, (int) (meta[3 * rec + 2] >>> 32));
    }

    /** Copies record {@code rec} to {@code dst[at ..]}. */
    void copy(int rec, long[] dst, int at) {
        System.arraycopy(data, (int) (meta[3 * rec + 2] >>> 32), dst, at, length(rec));
    }

    /** Whether record {@code rec} has the {@link SubCellEdges} form. */
    boolean dense(int rec) {
        return (int) data[(int) (meta[3 * rec + 2] >>> 32)] == SubCellEdges.MARK;
    }

    /** The ordinal of record {@code rec}'s polygon. */
    int ordinal(int rec) {
        return (int) meta[3 * rec + 2];
    }
}
