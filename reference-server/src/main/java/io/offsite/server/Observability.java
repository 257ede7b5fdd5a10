package io.offsite.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.offsite.geofence.Intake;
import io.offsite.notify.MessageStatus;
import io.offsite.store.jdbc.Health;
import java.time.Duration;
import java.util.List;

/**
 * {@code /observe/health} (database reachable with its schema version; SMS gateway: dead letters of the last
 * check) and {@code /observe/metrics} (Prometheus text): detections by intake, open episodes, tracked subjects,
 * effects by type,
 * outbox backlog and dead letters, and API request latency by method and status class.
 */
final class Observability {
    private final Enforcement enforcement;
    private final MeterRegistry registry = Metrics.globalRegistry();
    /** Latency timers by "method status-class", so a request does not build and look up its meter. */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    Observability(Enforcement enforcement) {
        this.enforcement = enforcement;
        for (Intake i : Intake.values()) {
            registry.getOrCreate(FunctionalCounter.builder("offsite_detections", enforcement, e -> e.intakes(i))
                    .description("detections taken, by intake").tags(List.of(Tag.create("intake", i.name()))));
        }
        registry.getOrCreate(Gauge.builder("offsite_open_episodes", enforcement, e -> e.episodes().size())
                .description("episodes the engine keeps open (past their dwell)"));
        registry.getOrCreate(Gauge.builder("offsite_tracked_subjects", enforcement, Enforcement::trackedSubjects)
                .description("vehicles and people the engine watches inside fences, before and after the dwell"));
        for (String effect : List.of("RequestOwnerMove", "MoveWindowStarted", "PlateReview", "DispatchOfficer",
                "DispatchUnaddressed", "VoiceWarning", "CaptureEvidence", "FileCase", "EpisodeResolved")) {
            registry.getOrCreate(FunctionalCounter.builder("offsite_effects", enforcement,
                    e -> e.effectCounts().getOrDefault(effect, 0L)).description("effects decided, by type")
                    .tags(List.of(Tag.create("type", effect))));
        }
        registry.getOrCreate(Gauge.builder("offsite_outbox_backlog", enforcement,
                e -> e.outbox().count(MessageStatus.PENDING)).description("messages waiting to be sent"));
        registry.getOrCreate(Gauge.builder("offsite_outbox_dead_letters", enforcement,
                e -> e.outbox().count(MessageStatus.DEAD_LETTER)).description("messages given up on"));
    }

    ObserveFeature feature() {
        HealthObserver health = HealthObserver.builder().details(true)
                .addCheck(this::database, HealthCheckType.READINESS, "database")
                .addCheck(this::gateway, HealthCheckType.READINESS, "sms-gateway").build();
        return ObserveFeature.just(health, MetricsObserver.create());
    }

    private HealthCheckResponse database() {
        Health h = enforcement.database().health();
        return HealthCheckResponse.builder().status(h.up()).detail("dialect", enforcement.database().dialect().name())
                .detail("schema", String.valueOf(h.schemaVersion())).detail("detail", h.detail())
                .detail("tookMs", h.took().toMillis()).build();
    }

    private HealthCheckResponse gateway() {
        int backlog = enforcement.outbox().count(MessageStatus.PENDING);
        boolean stuck = enforcement.outbox().nextDueAt().map(t -> t.isBefore(enforcement.now().minus(Duration.ofMinutes(5))))
                .orElse(false);
        return HealthCheckResponse.builder().status(!stuck).detail("backlog", backlog)
                .detail("oldestDueOverFiveMinutes", stuck).build();
    }

    /** Times every API request into {@code offsite_request_latency} by method and status class. */
    Filter latency() {
        return (chain, req, res) -> {
            long t0 = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                if (req.path().absolute().path().startsWith("/api/")) {
                    String method = req.prologue().method().text();
                    String status = res.status().code() / 100 + "xx";
                    timers.computeIfAbsent(method + ' ' + status, k -> registry.getOrCreate(
                            Timer.builder("offsite_request_latency").description("API request latency")
                                    .tags(List.of(Tag.create("method", method), Tag.create("status", status)))))
                            .record(Duration.ofNanos(System.nanoTime() - t0));
                }
            }
        };
    }
}
