package io.offsite.notify;

import io.offsite.notify.spi.OutboxListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Outcomes to tell the listener after a commit; the first listener failure is rethrown after all are told. */
final class OutboxEvents {
    final List<OutboxMessage> sent = new ArrayList<>();
    final List<OutboxMessage> delivered = new ArrayList<>();
    final List<OutboxMessage> dead = new ArrayList<>();

    /** Drops the events about these keys. */
    void removeKeys(Collection<String> keys) {
        for (List<OutboxMessage> list : List.of(sent, delivered, dead)) {
            list.removeIf(m -> keys.contains(m.key()));
        }
    }

    void fire(OutboxListener l) {
        RuntimeException first = null;
        for (List<OutboxMessage> list : List.of(sent, delivered, dead)) {
            for (OutboxMessage m : list) {
                try {
                    if (list == sent) {
                        l.onSent(m);
                    } else if (list == delivered) {
                        l.onDelivered(m);
                    } else {
                        l.onDeadLettered(m);
                    }
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
