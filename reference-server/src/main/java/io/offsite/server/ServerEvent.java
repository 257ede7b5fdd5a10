package io.offsite.server;

import java.time.Instant;

/**
 * One line of the server's running story — an effect, a text's fate, evidence collected, a case filed — sent to
 * the demo's timeline printer and to {@code GET /api/v1/episodes/stream}. Texts are already masked.
 *
 * @param at        when it happened (engine clock)
 * @param kind      short type, e.g. {@code RequestOwnerMove}, {@code SmsDelivered}, {@code CaseFiled}
 * @param episodeId the episode it belongs to, or empty
 * @param text      one readable line, personal data masked
 */
record ServerEvent(Instant at, String kind, String episodeId, String text) {
}
