package io.offsite.core.patrol;

import java.util.ArrayList;
import java.util.List;

/**
 * The routing engine: planar points in metres (index-addressed), a base, and the two heuristics the planner
 * uses — a budgeted nearest-neighbour construction that cuts the targets of one base into sorties, and 2-opt
 * improvement of each closed sortie. Stateless; every tie is broken by the lower index, so results are
 * deterministic.
 */
final class Routes {
    /** 2-opt stops after this many improving passes even if one more could still help (each pass is O(k²)). */
    static final int MAX_TWO_OPT_PASSES = 200;
    private static final double EPS = 1e-9;

    private Routes() {
    }

    /** The sortie limits: at most {@code maxMeters} flown and {@code maxSeconds} in the air (flight plus hover). */
    record Budget(double maxMeters, double maxSeconds, double speedMetersPerSecond, double hoverSeconds) {
        double seconds(double meters, int stops) {
            return meters / speedMetersPerSecond + hoverSeconds * stops;
        }

        boolean fits(double meters, int stops) {
            return meters <= maxMeters + EPS && seconds(meters, stops) <= maxSeconds + EPS;
        }
    }

    static double dist(double[] xs, double[] ys, int a, int b) {
        return Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
    }

    static double toBase(double[] xs, double[] ys, double bx, double by, int a) {
        return Math.hypot(xs[a] - bx, ys[a] - by);
    }

    /** Length of the closed route base → order[0] → … → order[k-1] → base, in metres. */
    static double length(double[] xs, double[] ys, double bx, double by, int[] order) {
        if (order.length == 0) {
            return 0;
        }
        double sum = toBase(xs, ys, bx, by, order[0]) + toBase(xs, ys, bx, by, order[order.length - 1]);
        for (int i = 1; i < order.length; i++) {
            sum += dist(xs, ys, order[i - 1], order[i]);
        }
        return sum;
    }

    /**
     * Cuts {@code pool} (indices whose own round trip fits the budget) into sorties from one base. Each sortie
     * starts with the remaining target farthest from the base, then repeatedly flies to the nearest remaining
     * target that still leaves enough budget to return; when none fits it returns and the next sortie starts.
     * O(n²) for n targets.
     */
    static List<int[]> nearestNeighbourSorties(double[] xs, double[] ys, double bx, double by, List<Integer> pool,
            Budget budget) {
        int n = pool.size();
        int[] idx = pool.stream().mapToInt(Integer::intValue).toArray();
        boolean[] used = new boolean[n];
        int left = n;
        List<int[]> sorties = new ArrayList<>();
        while (left > 0) {
            int seed = -1;
            double far = -1;
            for (int k = 0; k < n; k++) {
                if (!used[k]) {
                    double d = toBase(xs, ys, bx, by, idx[k]);
                    if (d > far) {
                        far = d;
                        seed = k;
                    }
                }
            }
            List<Integer> route = new ArrayList<>();
            used[seed] = true;
            left--;
            route.add(idx[seed]);
            double flown = far;
            int cur = idx[seed];
            while (left > 0) {
                int best = -1;
                double bestLeg = Double.POSITIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    if (used[k]) {
                        continue;
                    }
                    double leg = dist(xs, ys, cur, idx[k]);
                    if (leg < bestLeg && budget.fits(flown + leg + toBase(xs, ys, bx, by, idx[k]), route.size() + 1)) {
                        bestLeg = leg;
                        best = k;
                    }
                }
                if (best < 0) {
                    break;
                }
                used[best] = true;
                left--;
                route.add(idx[best]);
                flown += bestLeg;
                cur = idx[best];
            }
            sorties.add(route.stream().mapToInt(Integer::intValue).toArray());
        }
        return sorties;
    }

    /**
     * 2-opt on the closed route base → order → base (the base stays fixed at both ends): reverses a segment
     * whenever that shortens the route, until no reversal helps or {@link #MAX_TWO_OPT_PASSES} passes ran.
     * Never returns a longer route than it was given. O(k²) per pass.
     */
    static int[] twoOpt(double[] xs, double[] ys, double bx, double by, int[] order) {
        int k = order.length;
        if (k < 3) {
            return order.clone();
        }
        // positions 0 and k+1 are the base; 1..k the stops
        double[] px = new double[k + 2];
        double[] py = new double[k + 2];
        int[] ids = new int[k + 2];
        px[0] = bx;
        py[0] = by;
        px[k + 1] = bx;
        py[k + 1] = by;
        for (int i = 0; i < k; i++) {
            ids[i + 1] = order[i];
            px[i + 1] = xs[order[i]];
            py[i + 1] = ys[order[i]];
        }
        boolean improved = true;
        for (int pass = 0; improved && pass < MAX_TWO_OPT_PASSES; pass++) {
            improved = false;
            for (int i = 1; i < k; i++) {
                for (int j = i + 1; j <= k; j++) {
                    double before = Math.hypot(px[i - 1] - px[i], py[i - 1] - py[i])
                            + Math.hypot(px[j] - px[j + 1], py[j] - py[j + 1]);
                    double after = Math.hypot(px[i - 1] - px[j], py[i - 1] - py[j])
                            + Math.hypot(px[i] - px[j + 1], py[i] - py[j + 1]);
                    if (after < before - EPS) {
                        reverse(px, py, ids, i, j);
                        improved = true;
                    }
                }
            }
        }
        int[] out = new int[k];
        System.arraycopy(ids, 1, out, 0, k);
        return out;
    }

    private static void reverse(double[] px, double[] py, int[] ids, int i, int j) {
        for (int a = i, b = j; a < b; a++, b--) {
            double tx = px[a];
            px[a] = px[b];
            px[b] = tx;
            double ty = py[a];
            py[a] = py[b];
            py[b] = ty;
            int t = ids[a];
            ids[a] = ids[b];
            ids[b] = t;
        }
    }
}
