package io.offsite.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.offsite.core.Masks;
import io.offsite.geofence.EpisodeState;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.List;

/**
 * {@code GET /api/v1/episodes?state=open}: the episodes the engine keeps open — phase, plate (masked unless the
 * caller acts on plates), the owner-notice state and how long until the next step fires (for a parking window:
 * the time the owner has left); {@code GET /api/v1/episodes/stream}: the same story live, as Server-Sent Events.
 */
final class EpisodesApi implements HttpService {
    private final Enforcement enforcement;

    EpisodesApi(Enforcement enforcement) {
        this.enforcement = enforcement;
    }

    /** One open episode. */
    record Episode(String episodeId, String fenceId, String plate, String phase, String firstSeen, String lastSeen,
            String notice, int stepsFired, Long secondsToNextStep) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/episodes", this::list).get("/episodes/stream", this::stream);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Role role = Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        String state = req.query().first("state").orElse("open");
        if (!state.equals("open")) {
            throw ApiException.field("state", "only 'open' is kept by the engine; ended episodes are in their cases");
        }
        int limit = req.query().first("limit").map(EpisodesApi::limit).orElse(500);
        Instant now = enforcement.now();
        List<Episode> out = enforcement.episodes().snapshot().stream().limit(limit).map(s -> new Episode(
                s.episodeId(), s.fenceId(), role.seesPlates() ? s.display() : Masks.plate(s.display()),
                s.phase().name(), Instant.ofEpochMilli(s.firstSeen()).toString(),
                Instant.ofEpochMilli(s.lastSeen()).toString(), s.notice() == null ? null : s.notice().name(),
                s.stepsFired(), nextStep(s, now))).toList();
        res.send(out);
    }

    /**
     * Server-Sent Events of every effect and message fate as it happens (event name = kind, data = the event as
     * JSON, texts masked), until the client goes away. A slow client that falls 10,000 events behind is cut off
     * rather than holding memory.
     */
    private void stream(ServerRequest req, ServerResponse res) {
        Auth.require(req, Role.OFFICER, Role.LEGAL_REVIEWER, Role.ADMIN);
        BlockingQueue<ServerEvent> queue = new ArrayBlockingQueue<>(10_000);
        boolean[] overflow = new boolean[1];
        Consumer<ServerEvent> listener = e -> {
            if (!queue.offer(e)) {
                overflow[0] = true;
            }
        };
        enforcement.listen(listener);
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            sink.emit(SseEvent.builder().comment("offsite events").build());
            while (!overflow[0]) {
                ServerEvent e = queue.poll(15, TimeUnit.SECONDS);
                if (e == null) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                } else {
                    sink.emit(SseEvent.builder().name(e.kind()).data(new Event(e.at().toString(), e.kind(),
                            e.episodeId(), e.text())).mediaType(MediaTypes.APPLICATION_JSON).build());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            // the client went away
        } finally {
            enforcement.unlisten(listener);
        }
    }

    /** One streamed event. */
    record Event(String at, String kind, String episodeId, String text) {
    }

    private static Long nextStep(EpisodeState s, Instant now) {
        if (s.nextStepAt() <= 0 || s.nextStepAt() == Long.MAX_VALUE) {
            return null;
        }
        return Math.max(0, (s.nextStepAt() - now.toEpochMilli()) / 1_000);
    }

    private static int limit(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 10_000) {
                throw ApiException.field("limit", "must be 1..10000, got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.field("limit", "not a whole number: " + v);
        }
    }
}
