package io.offsite.server;

import io.offsite.core.Masks;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's outbox retention ({@code outbox-retention}): on a virtual thread of its own, so a long purge never
 * holds up the pump, it purges the texts final for longer than the retention at start and then hourly; a failed purge
 * is logged and tried again at the next hour. {@link #close()} wakes it through a latch, never an interrupt (an
 * interrupt closes the file channel an H2 write goes through), and waits up to 5 s for a purge under way.
 */
final class OutboxPurger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPurger.class);
    /** How often final texts past the retention are purged (and once at start). */
    static final Duration EVERY = Duration.ofHours(1);

    private final Duration retention;
    private final ToIntFunction<Duration> purge;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    /** Starts purging with {@code purge} (the number of texts it removed older than the retention it is given). */
    OutboxPurger(Duration retention, ToIntFunction<Duration> purge) {
        this.retention = retention;
        this.purge = purge;
        this.thread = Thread.ofVirtual().name("offsite-outbox-purge").start(this::run);
    }

    /** {@code P30D} for whole days (as operators write it), else {@link Duration#toString}. */
    static String iso(Duration d) {
        return d.getNano() == 0 && d.getSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    /** Whether its thread still runs (until {@link #close()}). */
    boolean running() {
        return thread.isAlive();
    }

    private void run() {
        do {
            try {
                int purged = purge.applyAsInt(retention);
                if (purged > 0) {
                    LOG.info("outbox: purged {} texts final more than {} ago", purged, iso(retention));
                }
            } catch (RuntimeException e) {
                LOG.warn("outbox: purge of texts final more than {} ago failed, next try in {}: {}", iso(retention),
                        EVERY, Masks.exception(e).getMessage());
            }
        } while (!stopped());
    }

    /** Waits for the next hour; true when {@link #close()} woke it. */
    private boolean stopped() {
        try {
            return stop.await(EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public void close() {
        stop.countDown();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
