package io.offsite.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one delivery receipt does to its message: a pure decision (the outbox saves {@link #next} and then
 * tells the listener about {@link #events}). Duplicate, late and contradicting receipts change nothing.
 */
final class ReceiptStep {
    final ReceiptOutcome outcome;
    final OutboxMessage next;
    final OutboxEvents events = new OutboxEvents();

    private ReceiptStep(ReceiptOutcome outcome, OutboxMessage next) {
        this.outcome = outcome;
        this.next = next;
    }

    static ReceiptStep decide(OutboxMessage m, Receipt receipt, Instant now, RetryPolicy retry,
            Duration receiptTimeout, RandomGenerator random) {
        MessageStatus status = m.status();
        if (receipt.status() == Receipt.Status.DELIVERED) {
            if (status == MessageStatus.DELIVERED) {
                return unchanged(ReceiptOutcome.DUPLICATE);
            }
            ReceiptStep s = new ReceiptStep(ReceiptOutcome.APPLIED, m.delivered(receipt.at(), Optional.empty()));
            s.events.delivered.add(s.next);
            return s;
        }
        if (receipt.status() == Receipt.Status.SENT) {
            if (status != MessageStatus.PENDING) {
                return unchanged(status == MessageStatus.SENT ? ReceiptOutcome.DUPLICATE : ReceiptOutcome.IGNORED_LATE);
            }
            // the gateway took it although the call looked failed (time-out, crash): wait for the receipt instead
            ReceiptStep s = new ReceiptStep(ReceiptOutcome.APPLIED,
                    m.sent(receipt.at(), now.plus(receiptTimeout), Optional.empty()));
            s.events.sent.add(s.next);
            return s;
        }
        if (status == MessageStatus.DELIVERED || status == MessageStatus.PENDING) {
            return unchanged(ReceiptOutcome.IGNORED_LATE);
        }
        if (status == MessageStatus.DEAD_LETTER) {
            return unchanged(ReceiptOutcome.DUPLICATE);
        }
        String error = "delivery failed: " + (receipt.detail().isEmpty() ? "no detail" : receipt.detail());
        if (m.attempts() >= retry.maxAttempts()) {
            ReceiptStep s = new ReceiptStep(ReceiptOutcome.APPLIED, m.pending(now, Optional.of(error))
                    .deadLettered(now, error + " (after " + m.attempts() + " attempts)"));
            s.events.dead.add(s.next);
            return s;
        }
        return new ReceiptStep(ReceiptOutcome.APPLIED,
                m.pending(now.plus(retry.backoff(Math.max(1, m.attempts()), random)), Optional.of(error)));
    }

    private static ReceiptStep unchanged(ReceiptOutcome outcome) {
        return new ReceiptStep(outcome, null);
    }
}
