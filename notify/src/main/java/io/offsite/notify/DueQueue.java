package io.offsite.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * When the outbox next acts on each message: one heap for sends (PENDING) and one for receipt deadlines
 * (SENT), so the many messages waiting for receipts do not slow down picking the next send. Entries are
 * never removed when a message changes; a superseded entry (its message's due time or status changed) is
 * skipped when it reaches the head. Not thread-safe: the outbox serializes calls.
 */
final class DueQueue {
    private final PriorityQueue<Due> sends = new PriorityQueue<>();
    private final PriorityQueue<Due> receipts = new PriorityQueue<>();
    private final Map<String, OutboxMessage> messages;
    private long seq;

    DueQueue(Map<String, OutboxMessage> messages) {
        this.messages = messages;
    }

    void add(OutboxMessage m) {
        if (m.dueAt().isPresent()) {
            boolean receipt = m.status() == MessageStatus.SENT;
            (receipt ? receipts : sends).add(new Due(m.dueAt().get(), seq++, m.key(), receipt));
        }
    }

    /** Puts back entries taken by a round whose commit failed. */
    void restore(List<Due> taken) {
        for (Due d : taken) {
            (d.receipt ? receipts : sends).add(d);
        }
    }

    /** Removes and returns the earliest live entry due at or before {@code now}, or null. */
    Due pollDue(Instant now) {
        Due s = live(sends);
        Due r = live(receipts);
        Due pick = null;
        if (s != null && !s.at.isAfter(now)) {
            pick = s;
        }
        if (r != null && !r.at.isAfter(now) && (pick == null || r.compareTo(pick) < 0)) {
            pick = r;
        }
        if (pick != null) {
            (pick.receipt ? receipts : sends).poll();
        }
        return pick;
    }

    /** The earliest live due time. */
    Optional<Instant> next() {
        Due s = live(sends);
        Due r = live(receipts);
        if (s == null && r == null) {
            return Optional.empty();
        }
        return Optional.of(s == null ? r.at : r == null ? s.at : (s.at.isBefore(r.at) ? s.at : r.at));
    }

    private Due live(PriorityQueue<Due> q) {
        while (!q.isEmpty()) {
            Due d = q.peek();
            OutboxMessage m = messages.get(d.key);
            if (m != null && m.dueAt().isPresent() && m.dueAt().get().equals(d.at)
                    && (m.status() == MessageStatus.SENT) == d.receipt) {
                return d;
            }
            q.poll();
        }
        return null;
    }

    /** An entry: due time, insertion order for ties, message key, and which heap it belongs to. */
    static final class Due implements Comparable<Due> {
        final Instant at;
        final long order;
        final String key;
        final boolean receipt;

        Due(Instant at, long order, String key, boolean receipt) {
            this.at = at;
            this.order = order;
            this.key = key;
            this.receipt = receipt;
        }

        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
