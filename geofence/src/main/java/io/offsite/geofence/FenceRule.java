package io.offsite.geofence;

/**
 * What the engine's hot path needs of one fence, flattened into one object so that a quiet sighting touches
 * one cache line instead of the fence, its policy, shape and schedule: gap, dwell, jitter radius, pixel or
 * geographic, and the active period last looked up (a scheduled fence computes its calendar only when a
 * sighting falls outside that period). Built per fence-index snapshot; confined to the engine's thread.
 */
final class FenceRule {
    final Ladder.Context context;
    final boolean pixel;
    final long gapMs;
    final long dwellMs;
    final double jitterRadius;
    final double metersPerDegreeLon;
    /** The schedule, or null when the fence is always enforced. */
    private final FenceSchedule schedule;
    /** [knownFrom, knownUntil) is known to lie in one active period that started at knownSince. */
    private long knownFrom = Long.MAX_VALUE;
    private long knownUntil = Long.MIN_VALUE;
    private long knownSince;

    FenceRule(Ladder.Context context) {
        this.context = context;
        Fence f = context.fence();
        LadderPolicy p = f.policy();
        pixel = f.isPixelFence();
        gapMs = p.gapMs;
        dwellMs = p.dwellMs;
        jitterRadius = pixel ? p.jitterRadiusPixels : p.jitterRadiusMeters;
        metersPerDegreeLon = context.metersPerDegreeLon();
        schedule = f.schedule().isAlways() ? null : f.schedule();
    }

    Fence fence() {
        return context.fence();
    }

    /** {@link FenceSchedule#isActive(long)}. */
    boolean isActive(long at) {
        return schedule == null || (at >= knownFrom && at < knownUntil) || lookUp(at);
    }

    /** {@link FenceSchedule#activeSince(long)}, for an {@code at} where the fence is active. */
    long activeSince(long at) {
        if (schedule == null) {
            return Long.MIN_VALUE;
        }
        return (at >= knownFrom && at < knownUntil) || lookUp(at) ? knownSince : schedule.activeSince(at);
    }

    private boolean lookUp(long at) {
        if (!schedule.isActive(at)) {
            return false;
        }
        knownFrom = at;
        knownUntil = schedule.activeUntil(at);
        knownSince = schedule.activeSince(at);
        return true;
    }

    /** Distance from the anchor, in metres (geographic) or pixels. */
    double distance(double anchorX, double anchorY, double x, double y) {
        return Ladder.jitterDistance(pixel, metersPerDegreeLon, anchorX, anchorY, x, y);
    }
}
