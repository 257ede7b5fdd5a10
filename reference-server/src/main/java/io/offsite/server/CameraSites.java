package io.offsite.server;

import io.offsite.core.geo.GeoPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site table for cameras that push ISAPI alerts: a camera's IP address and channel → its GB/T 28181 id and where
 * it looks (the fence-side position a fixed dome camera's detections are placed at). One line per camera in the
 * configuration: {@code "10.33.100.21/1 33100300001321000001 121.24451 28.63031"}, optionally followed by the
 * {@code <ip>/<channel>} of the recorder (NVR) that stores its pictures and video
 * ({@code "... 28.63031 10.33.100.2/5"}); without one the camera's own storage is searched.
 */
final class CameraSites {
    /** One camera: its id and the position its detections are placed at. */
    record Site(String cameraId, GeoPoint position) {
    }

    /** {@code <host>[:port]/<channel number>}. */
    private static final String ADDRESS = "[^/\\s]+/\\d{1,3}";

    private final Map<String, Site> byAddress;
    private final Map<String, String> recorders;

    CameraSites(Map<String, Site> byAddress) {
        this(byAddress, Map.of());
    }

    /** {@code recorders}: camera id → {@code <ip>/<channel>} of its recorder, for cameras recorded elsewhere. */
    CameraSites(Map<String, Site> byAddress, Map<String, String> recorders) {
        this.byAddress = Map.copyOf(byAddress);
        this.recorders = Map.copyOf(recorders);
    }

    static CameraSites parse(List<String> lines) {
        Map<String, Site> m = new HashMap<>();
        Map<String, String> recorders = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] w = lines.get(i).trim().split("\\s+");
            if (w.length < 4 || w.length > 5 || !w[0].contains("/") || !w[1].matches("\\d{20}")
                    || w.length == 5 && !w[4].matches(ADDRESS)) {
                throw new IllegalArgumentException("isapi-sites[" + i + "]: expected '<ip>/<channel> <20-digit camera id>"
                        + " <lon> <lat> [<recorder ip>/<channel>]', got '" + lines.get(i) + "'");
            }
            if (w.length == 5) {
                recorders.put(w[1], w[4]);
            }
            try {
                m.put(w[0], new Site(w[1], GeoPoint.of(Double.parseDouble(w[2]), Double.parseDouble(w[3]))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("isapi-sites[" + i + "]: bad position: " + e.getMessage(), e);
            }
        }
        return new CameraSites(m, recorders);
    }

    Optional<Site> find(String ip, String channel) {
        return Optional.ofNullable(byAddress.get(ip + "/" + channel));
    }

    /** The {@code <ip>/<channel>} a camera is reached at, when it is in the table. */
    Optional<String> addressOf(String cameraId) {
        return byAddress.entrySet().stream().filter(e -> e.getValue().cameraId().equals(cameraId))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * The {@code <ip>/<channel>} of the recorder that stores a camera's pictures and video: the recorder column of its
     * line, else the camera itself (its own card).
     */
    Optional<String> recorderOf(String cameraId) {
        return Optional.ofNullable(recorders.get(cameraId)).or(() -> addressOf(cameraId));
    }

    List<String> cameraIds() {
        return byAddress.values().stream().map(Site::cameraId).toList();
    }
}
