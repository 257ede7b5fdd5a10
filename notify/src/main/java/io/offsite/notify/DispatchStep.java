package io.offsite.notify;

import io.offsite.core.Masks;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendRequest;
import io.offsite.notify.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dispatch round at a fixed instant: decides each due message's next state and calls gateways, but
 * changes nothing in the outbox itself; the outbox saves {@link #changes()} and only then applies them.
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
    private final OutboxEvents events = new OutboxEvents();
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

    boolean touched(String key) {
        return changes.containsKey(key);
    }

    void process(OutboxMessage m) {
        if (m.status() == MessageStatus.SENT) {
            receiptTimeouts++;
            failed(m, "no delivery receipt within " + receiptTimeout);
            return;
        }
        OutgoingMessage msg = m.message();
        Gateway gateway = gateways.get(msg.channel());
        if (gateway == null) {
            dead(m, "no gateway configured for channel " + msg.channel());
            return;
        }
        Instant wait = buckets.tryAcquire(msg.to(), now);
        if (wait != null) {
            rateLimited++;
            changes.put(m.key(), m.pending(wait, Optional.empty()));
            return;
        }
        OutboxMessage a = m.attempted(now);
        attempted++;
        SendResult r;
        try {
            r = gateway.send(new SendRequest(msg.key(), msg.channel(), msg.to(), msg.text(), a.attempts(), now));
            if (r == null) {
                r = SendResult.retryable("gateway returned null");
            }
        } catch (RuntimeException e) {
            r = SendResult.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        switch (r.kind()) {
            case ACCEPTED: {
                OutboxMessage next = a.sent(now, now.plus(receiptTimeout), r.providerId());
                accepted++;
                changes.put(m.key(), next);
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
                changes.put(m.key(), next);
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
