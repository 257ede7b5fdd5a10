package io.offsite.examples.shopfront;

import io.offsite.core.effect.FileCase;
import io.offsite.core.effect.VoiceWarning;
import io.offsite.core.geo.GeoPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loudspeaker warnings a {@link ShopFrontHost} has queued, by episode and by shop, so a case can name the
 * warnings it rests on. Package-private.
 */
final class WarningLedger {
    private final Map<String, GeoPoint> firstWarnedAt = new HashMap<>(); // episode id -> where it was first warned
    private final Map<String, List<String>> keysByEpisode = new HashMap<>(); // episode id -> queued outbox keys
    private final Map<String, List<String>> warnedEpisodes = new HashMap<>(); // shop + violation -> episode ids

    /** Notes a warning queued for the shop {@code shopId}. */
    void queued(VoiceWarning v, String shopId) {
        keysByEpisode.computeIfAbsent(v.episodeId(), k -> new ArrayList<>()).add(v.idempotencyKey());
        List<String> warned = warnedEpisodes.computeIfAbsent(shopId + "|" + v.violation().code(), k -> new ArrayList<>());
        if (!warned.contains(v.episodeId())) {
            warned.add(v.episodeId());
        }
        firstWarnedAt.putIfAbsent(v.episodeId(), v.location());
    }

    /** Where an episode was first warned, if it was. */
    Optional<GeoPoint> firstWarnedAt(String episodeId) {
        return Optional.ofNullable(firstWarnedAt.get(episodeId));
    }

    /**
     * The outbox keys of the warnings a case rests on: its own episode's when that was warned, else (a repeat filed at
     * once) those of the {@code repeatCount} latest earlier warned episodes at the shop. An earlier episode this host
     * never saw counts as one warning it cannot show (an empty key), so the completeness rules report the gap.
     */
    List<String> basisOf(FileCase fc, String shopId) {
        List<String> own = keysByEpisode.getOrDefault(fc.episodeId(), List.of());
        if (!own.isEmpty() || fc.repeatCount() == 0) {
            return own;
        }
        List<String> warned = new ArrayList<>(warnedEpisodes.getOrDefault(shopId + "|" + fc.violation().code(),
                List.of()));
        warned.remove(fc.episodeId());
        List<String> keys = new ArrayList<>();
        List<String> latest = warned.subList(Math.max(0, warned.size() - fc.repeatCount()), warned.size());
        latest.forEach(ep -> keys.addAll(keysByEpisode.getOrDefault(ep, List.of())));
        for (int missing = fc.repeatCount() - latest.size(); missing > 0; missing--) {
            keys.add("");
        }
        return keys;
    }
}
