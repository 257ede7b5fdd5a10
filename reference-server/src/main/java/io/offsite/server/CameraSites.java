package io.offsite.server;

import io.offsite.core.geo.GeoPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site table for cameras that push ISAPI alerts: a camera's IP address and channel → its GB/T 28181 id and where
 * it looks (the fence-side position a fixed dome camera's detections are placed at). One line per camera in the
 * configuration: {@code "10.33.100.21/1 33100300001321000001 121.24451 28.63031"}.
 */
final class CameraSites {
    /** One camera: its id and the position its detections are placed at. */
    record Site(String cameraId, GeoPoint position) {
    }

    private final Map<String, Site> byAddress;

    CameraSites(Map<String, Site> byAddress) {
        this.byAddress = Map.copyOf(byAddress);
    }

    static CameraSites parse(List<String> lines) {
        Map<String, Site> m = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] w = lines.get(i).trim().split("\\s+");
            if (w.length != 4 || !w[0].contains("/") || !w[1].matches("\\d{20}")) {
                throw new IllegalArgumentException("isapi-sites[" + i + "]: expected '<ip>/<channel> <20-digit camera id>"
                        + " <lon> <lat>', got '" + lines.get(i) + "'");
            }
            try {
                m.put(w[0], new Site(w[1], GeoPoint.of(Double.parseDouble(w[2]), Double.parseDouble(w[3]))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("isapi-sites[" + i + "]: bad position: " + e.getMessage(), e);
            }
        }
        return new CameraSites(m);
    }

    Optional<Site> find(String ip, String channel) {
        return Optional.ofNullable(byAddress.get(ip + "/" + channel));
    }

    /** The {@code <ip>/<channel>} a camera is reached at, when it is in the table. */
    Optional<String> addressOf(String cameraId) {
        return byAddress.entrySet().stream().filter(e -> e.getValue().cameraId().equals(cameraId))
                .map(Map.Entry::getKey).findFirst();
    }

    List<String> cameraIds() {
        return byAddress.values().stream().map(Site::cameraId).toList();
    }
}
