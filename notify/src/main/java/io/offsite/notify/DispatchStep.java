package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dispatch round at a fixed instant: decides each due message's next state ({@link #plan}, under the
 * outbox lock), leaves the gateway calls ({@link Send}) to be made outside the lock, and settles their results
 * ({@link #settle}, under the lock again). It changes nothing in the outbox itself; the outbox saves
 * {@link #changes()} and only then applies them.
 */
final class DispatchStep {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchStep.class);

    private final Instant now;
    private final RetryPolicy retry;
    private final Duration receiptTimeout;
    private final RandomGenerator random;
    private final TokenBuckets buckets;
    private final Map<Channel, Gateway> gateways;
    private final Map<String, OutboxMessage> changes = new LinkedHashMap<>();
    private final Map<String, OutboxMessage> originals = new HashMap<>();
    private final OutboxEvents events = new OutboxEvents();
    /** When the round's accepted messages are due a receipt; computed at the first. */
    private Instant receiptDue;
    private int attempted;
    private int accepted;
    private int delivered;
    private int retryScheduled;
    private int deadLettered;
    private int rateLimited;
    private int receiptTimeouts;

    DispatchStep(Instant now, RetryPolicy retry, Duration receiptTimeout, RandomGenerator random,
            TokenBuckets buckets, Map<Channel, Gateway> gateways) {
        this.now = now;
        this.retry = retry;
        this.receiptTimeout = receiptTimeout;
        this.random = random;
        this.buckets = buckets;
        this.gateways = gateways;
    }

    Instant now() {
        return now;
    }

    /**
     * Makes the gateway calls: on the calling thread one after another, or in parallel on {@code executor}
     * (may be null) when there are several.
     */
    static void sendAll(List<Send> sends, Executor executor) {
        if (executor == null || sends.size() < 2) {
            sends.forEach(Send::run);
            return;
        }
        CompletableFuture<?>[] running = new CompletableFuture<?>[sends.size()];
        for (int i = 0; i < running.length; i++) {
            running[i] = CompletableFuture.runAsync(sends.get(i)::run, executor);
        }
        try {
            CompletableFuture.allOf(running).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    boolean touched(String key) {
        return originals.containsKey(key);
    }

    /**
     * Decides what happens to a due message without calling a gateway (receipt time-out, no gateway, rate
     * limit) or returns the {@link Send} to make; the outbox runs sends outside its lock and then calls
     * {@link #settle}. Called under the outbox lock.
     */
    Send plan(OutboxMessage m) {
        originals.put(m.key(), m);
        if (m.status() == MessageStatus.SENT) {
            receiptTimeouts++;
            failed(m, "no delivery receipt within " + receiptTimeout);
            return null;
        }
        OutgoingMessage msg = m.message();
        Gateway gateway = gateways.get(msg.channel());
        if (gateway == null) {
            dead(m, "no gateway configured for channel " + msg.channel());
            return null;
        }
        Instant wait = buckets.tryAcquire(msg.to(), now);
        if (wait != null) {
            rateLimited++;
            changes.put(m.key(), m.pending(wait, Optional.empty()));
            return null;
        }
        OutboxMessage a = m.attempted(now);
        attempted++;
        return new Send(a, gateway,
                new SendRequest(msg.key(), msg.channel(), msg.to(), msg.text(), a.attempts(), now));
    }

    /** Applies a finished send's result. Called under the outbox lock. */
    void settle(Send s) {
        OutboxMessage a = s.attempted;
        OutgoingMessage msg = a.message();
        SendResult r = s.result;
        switch (r.kind()) {
            case ACCEPTED: {
                if (receiptDue == null) {
                    receiptDue = now.plus(receiptTimeout); // one object for the round's messages
                }
                OutboxMessage next = a.sent(now, receiptDue, r.providerId());
                accepted++;
                changes.put(a.key(), next);
                events.sent.add(next);
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} to {} accepted (attempt {})", msg.key(), msg.channel(),
                            msg.channel().maskAddress(msg.to()), a.attempts());
                }
                break;
            }
            case DELIVERED: {
                OutboxMessage next = a.delivered(now, r.providerId());
                delivered++;
                changes.put(a.key(), next);
                events.delivered.add(next);
                break;
            }
            case RETRYABLE:
                failed(a, "attempt " + a.attempts() + " failed: " + r.detail());
                break;
            default:
                dead(a, "rejected by gateway: " + r.detail());
                break;
        }
    }

    /**
     * Forgets the decisions about messages that changed while this round was sending (a receipt arrived, or
     * they were purged): the newer state stands. Returns the keys dropped.
     */
    List<String> dropChangedMeanwhile(Map<String, OutboxMessage> current) {
        List<String> stale = new ArrayList<>();
        for (String k : changes.keySet()) {
            if (current.get(k) != originals.get(k)) {
                stale.add(k);
            }
        }
        dropKeys(stale);
        return stale;
    }

    /** Forgets the decisions about these keys (their store writes were refused: a newer state stands). */
    void dropKeys(Collection<String> keys) {
        if (!keys.isEmpty()) {
            changes.keySet().removeAll(keys);
            events.removeKeys(keys);
        }
    }

    /** One gateway call: made outside the outbox lock, never throws (a gateway exception is a retryable result). */
    static final class Send {
        final OutboxMessage attempted;
        final Gateway gateway;
        final SendRequest request;
        SendResult result;

        Send(OutboxMessage attempted, Gateway gateway, SendRequest request) {
            this.attempted = attempted;
            this.gateway = gateway;
            this.request = request;
        }

        void run() {
            SendResult r;
            try {
                r = gateway.send(request);
                if (r == null) {
                    r = SendResult.retryable("gateway returned null");
                }
            } catch (RuntimeException e) {
                r = SendResult.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            result = r;
        }
    }

    private void failed(OutboxMessage m, String error) {
        if (m.attempts() >= retry.maxAttempts()) {
            dead(m.pending(now, Optional.of(error)), "gave up after " + m.attempts() + " attempts; last: " + error);
        } else {
            retryScheduled++;
            // attempts can be 0 when a SENT report arrived for a call made by a process that crashed before saving
            Duration delay = retry.backoff(Math.max(1, m.attempts()), random);
            changes.put(m.key(), m.pending(now.plus(delay), Optional.of(error)));
        }
    }

    private void dead(OutboxMessage m, String reason) {
        OutboxMessage next = m.deadLettered(now, reason);
        deadLettered++;
        changes.put(m.key(), next);
        events.dead.add(next);
        LOG.warn("{} {} to {} dead-lettered: {}", m.key(), m.message().channel(),
                m.message().channel().maskAddress(m.message().to()), Masks.inText(reason));
    }

    Map<String, OutboxMessage> changes() {
        return changes;
    }

    OutboxEvents events() {
        return events;
    }

    DispatchReport report() {
        return new DispatchReport(attempted, accepted, delivered, retryScheduled, deadLettered, rateLimited,
                receiptTimeouts);
    }
}
