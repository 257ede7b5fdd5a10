package io.offsite.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order-to-move SMS was delivered, and the full move window ran from the delivery before the dispatch
 * capture ({@link CaseContext#windowEnd()}): the owner's ten minutes start when the owner is told.
 */
final class SmsDelivered extends RuleCheck {
    SmsDelivered(String id, String reason) {
        super(id, reason);
    }

    @Override
    Finding apply(List<EvidenceItem> items, CaseContext ctx) {
        if (ctx.windowEnd().isEmpty()) {
            return cannot("the case context has no window end (the dispatch capture time)");
        }
        if (ctx.moveWindow().isEmpty()) {
            return cannot("the case context has no move window");
        }
        Instant capture = ctx.windowEnd().get();
        Duration window = ctx.moveWindow().get();
        List<String> seen = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (EvidenceItem i : items) {
            if (i.kind() != ItemKind.SMS_RECORD) {
                continue;
            }
            seen.add(i.id());
            Optional<Instant> sent = instant(i, ItemSpec.SMS_SENT_AT);
            Optional<Instant> delivered = instant(i, ItemSpec.SMS_DELIVERED_AT);
            if (sent.isEmpty() || delivered.isEmpty() || delivered.get().isBefore(sent.get())) {
                why.add(i.id() + " has no send time and delivery receipt in order");
                continue;
            }
            Instant windowEnds = delivered.get().plus(window);
            if (!windowEnds.isAfter(capture)) {
                return pass(i.id() + " sent " + sent.get() + ", delivered " + delivered.get() + "; the "
                        + window.toSeconds() + " s window from delivery ended " + windowEnds
                        + ", at or before the dispatch capture " + capture, List.of(i.id()));
            }
            why.add(i.id() + " delivered " + delivered.get() + ", only "
                    + Duration.between(delivered.get(), capture).toSeconds() + " s before the dispatch capture "
                    + capture + "; the owner must have the full " + window.toSeconds() + " s window from delivery");
        }
        return fail(seen.isEmpty() ? "no SMS record" : String.join("; ", why), seen);
    }
}
