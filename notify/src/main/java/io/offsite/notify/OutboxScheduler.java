package io.offsite.notify;

import io.offsite.core.Masks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional helper for hosts: calls {@link Outbox#dispatchDue()} at a fixed delay on an executor the host
 * owns (the outbox itself never starts threads). A failing round (e.g. the store is down) is handed to the
 * error handler, counted and kept as {@link #lastError()}; the next round runs as scheduled.
 * {@link #close()} stops future rounds; it does not shut the executor down.
 */
public final class OutboxScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxScheduler.class);

    private final ScheduledFuture<?> future;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<RuntimeException> lastError = new AtomicReference<>();

    private OutboxScheduler(Outbox outbox, ScheduledExecutorService executor, Duration every,
            Consumer<RuntimeException> onError) {
        this.future = executor.scheduleWithFixedDelay(() -> {
            try {
                outbox.dispatchDue();
                rounds.incrementAndGet();
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                lastError.set(e);
                LOG.error("outbox dispatch round failed", Masks.exception(e));
                try {
                    onError.accept(e);
                } catch (RuntimeException handlerFailure) {
                    LOG.error("outbox error handler failed", Masks.exception(handlerFailure));
                }
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts dispatching every {@code every} (10 ms..1 h) on {@code executor}; {@code onError} is told about
     * each failed round.
     */
    public static OutboxScheduler start(Outbox outbox, ScheduledExecutorService executor, Duration every,
            Consumer<RuntimeException> onError) {
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(onError, "onError");
        if (every.toMillis() < 10 || every.compareTo(Duration.ofHours(1)) > 0) {
            throw new NotifyException("scheduler interval must be 10 ms..1 h, was " + every);
        }
        return new OutboxScheduler(outbox, executor, every, onError);
    }

    /** Rounds completed without error. */
    public long rounds() {
        return rounds.get();
    }

    /** Rounds that failed. */
    public long failures() {
        return failures.get();
    }

    /** The most recent failure, if any. */
    public Optional<RuntimeException> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Stops scheduling further rounds (a running round finishes). */
    @Override
    public void close() {
        future.cancel(false);
    }
}
