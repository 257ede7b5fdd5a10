package io.offsite.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rule check {@code timestampsConsistent}: no item is dated after the check time, no SMS is delivered before it is sent, no copy predates its original. */
final class TimestampsConsistent extends RuleCheck {
    TimestampsConsistent(String id, String reason) {
        super(id, reason);
    }

    @Override
    Finding apply(List<EvidenceItem> items, CaseContext ctx) {
        List<String> bad = new ArrayList<>();
        List<String> why = new ArrayList<>();
        Map<String, EvidenceItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        for (EvidenceItem i : items) {
            if (i.capturedAt().isAfter(ctx.asOf())) {
                bad.add(i.id());
                why.add(i.id() + " is dated " + i.capturedAt() + ", after the check time " + ctx.asOf());
            }
            Optional<Instant> sent = instant(i, ItemSpec.SMS_SENT_AT);
            Optional<Instant> delivered = instant(i, ItemSpec.SMS_DELIVERED_AT);
            if (sent.isPresent() && delivered.isPresent() && delivered.get().isBefore(sent.get())) {
                bad.add(i.id());
                why.add(i.id() + " was delivered (" + delivered.get() + ") before it was sent (" + sent.get() + ")");
            }
            if ((i.spec().fact(ItemSpec.SMS_SENT_AT).isPresent() && sent.isEmpty())
                    || (i.spec().fact(ItemSpec.SMS_DELIVERED_AT).isPresent() && delivered.isEmpty())) {
                bad.add(i.id());
                why.add(i.id() + " has an SMS time that is not an ISO-8601 instant");
            }
            i.derivedFrom().map(byId::get).ifPresent(o -> {
                if (i.capturedAt().isBefore(o.capturedAt())) {
                    bad.add(i.id());
                    why.add(i.id() + " is a copy dated before its original " + o.id());
                }
            });
        }
        return bad.isEmpty() ? pass("item times are mutually consistent", List.of())
                : fail(String.join("; ", why), bad.stream().distinct().toList());
    }
}
