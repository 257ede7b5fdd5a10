package io.offsite.geofence.truck;

import io.offsite.core.geo.GeoPoint;
import io.offsite.geofence.GeofenceException;
import io.offsite.geofence.GeometryIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Point;

/**
 * Every corridor polygon and site of the monitor in one {@link GeometryIndex} (grid of flat polygons), numbered
 * 0..n−1; a truck's permit is a bit mask over those numbers. "On route" is then one grid lookup plus a mask test,
 * with no per-truck geometry: 500 trucks sharing 50 corridors share one index. Answers as JTS
 * {@code contains}: a position exactly on a corridor's or site's edge is outside it.
 */
final class PermitIndex {
    static final int ON_ROUTE = 1;
    static final int IN_SITE = 2;

    private final GeometryIndex<String> index;
    private final boolean[] isSite;
    private final String[] placeId;
    private final Map<String, Integer> corridorOrdinal = new HashMap<>();
    private final Map<String, Integer> siteOrdinal = new HashMap<>();
    private final Map<String, GeoPoint> siteInteriorPoint = new HashMap<>();
    private final Map<String, RouteLines> lines = new HashMap<>();
    /** Scratch for lookups; the monitor is single-threaded. */
    private int[] scratch = new int[16];

    PermitIndex(List<TruckPermit> permits, List<DisposalSite> extraSites, double cellMeters) {
        GeometryIndex.Builder<String> b = GeometryIndex.<String>builder().cellMeters(cellMeters);
        Map<String, RouteCorridor> corridors = new HashMap<>();
        Map<String, DisposalSite> sites = new HashMap<>();
        List<Boolean> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<DisposalSite> allSites = new ArrayList<>(extraSites);
        for (TruckPermit p : permits) {
            for (RouteCorridor c : p.corridors()) {
                RouteCorridor seen = corridors.putIfAbsent(c.id(), c);
                if (seen == null) {
                    corridorOrdinal.put(c.id(), ids.size());
                    ids.add(c.id());
                    kinds.add(false);
                    b.add(c.id(), c.toLonLatPolygon());
                    lines.put(c.id(), RouteLines.of(c));
                } else if (!seen.equals(c)) {
                    throw new GeofenceException("corridor id \"" + c.id() + "\" is defined twice with different"
                            + " routes or widths (permit " + p.permitNumber() + "); give each route its own id");
                }
            }
            allSites.addAll(p.sites());
        }
        for (DisposalSite s : allSites) {
            DisposalSite seen = sites.putIfAbsent(s.id(), s);
            if (seen == null) {
                siteOrdinal.put(s.id(), ids.size());
                ids.add(s.id());
                kinds.add(true);
                b.add(s.id(), s.area());
                Point ip = s.area().getInteriorPoint();
                siteInteriorPoint.put(s.id(), GeoPoint.of(ip.getX(), ip.getY()));
            } else if (!seen.equals(s)) {
                throw new GeofenceException("site id \"" + s.id() + "\" is defined twice with different areas,"
                        + " names or roles; give each site its own id");
            }
        }
        index = b.build();
        isSite = new boolean[ids.size()];
        placeId = ids.toArray(new String[0]);
        for (int i = 0; i < isSite.length; i++) {
            isSite[i] = kinds.get(i);
        }
    }

    /** The permit's bit mask over the index's polygons. */
    long[] mask(TruckPermit p) {
        long[] m = new long[(placeId.length + 63) >>> 6];
        for (RouteCorridor c : p.corridors()) {
            int o = corridorOrdinal.get(c.id());
            m[o >>> 6] |= 1L << o;
        }
        for (DisposalSite s : p.sites()) {
            int o = siteOrdinal.get(s.id());
            m[o >>> 6] |= 1L << o;
        }
        return m;
    }

    /** The shortcut lines of the permit's corridors (those that have one). */
    RouteLines[] lines(TruckPermit p) {
        return p.corridors().stream().map(c -> lines.get(c.id())).filter(Objects::nonNull).toArray(RouteLines[]::new);
    }

    /** {@link #ON_ROUTE} when a permitted corridor or site contains the point, plus {@link #IN_SITE} for a site. */
    int locate(double lon, double lat, long[] mask) {
        int n = index.containing(lon, lat, scratch);
        if (n > scratch.length) {
            scratch = new int[Integer.highestOneBit(n) << 1];
            n = index.containing(lon, lat, scratch);
        }
        int where = 0;
        for (int k = 0; k < n; k++) {
            int o = scratch[k];
            if ((mask[o >>> 6] & (1L << o)) != 0) {
                where |= isSite[o] ? ON_ROUTE | IN_SITE : ON_ROUTE;
            }
        }
        return where;
    }

    /** The id of the first permitted corridor containing the point, or {@code fallback}. */
    String corridorAt(double lon, double lat, long[] mask, String fallback) {
        int[] all = new int[Math.max(1, index.containing(lon, lat, new int[0]))];
        int n = index.containing(lon, lat, all);
        for (int k = 0; k < n; k++) {
            int o = all[k];
            if (!isSite[o] && (mask[o >>> 6] & (1L << o)) != 0) {
                return placeId[o];
            }
        }
        return fallback;
    }

    /** An interior point of a known site, for gate findings. */
    GeoPoint siteLocation(String siteId) {
        GeoPoint p = siteInteriorPoint.get(siteId);
        if (p == null) {
            throw new GeofenceException("gate event names site \"" + siteId + "\" which no permit and no"
                    + " TruckMonitor.Builder.site(...) defines");
        }
        return p;
    }
}
