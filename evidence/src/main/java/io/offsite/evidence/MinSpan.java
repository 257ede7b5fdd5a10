package io.offsite.evidence;

import java.time.Duration;
import java.util.List;

/** Rule check {@code minSpan}: the two furthest-apart selected items span more than the case's move window. */
final class MinSpan extends RuleCheck {
    private final Selector sel;

    MinSpan(String id, String reason, Selector sel) {
        super(id, reason);
        this.sel = sel;
    }

    @Override
    Finding apply(List<EvidenceItem> items, CaseContext ctx) {
        if (ctx.moveWindow().isEmpty()) {
            return cannot("the case context has no move window");
        }
        List<EvidenceItem> found = sel.select(items);
        if (found.size() < 2) {
            return fail("fewer than two qualifying items", ids(found));
        }
        EvidenceItem first = found.stream().min((a, b) -> a.capturedAt().compareTo(b.capturedAt())).get();
        EvidenceItem last = found.stream().max((a, b) -> a.capturedAt().compareTo(b.capturedAt())).get();
        Duration span = Duration.between(first.capturedAt(), last.capturedAt());
        String detail = "the furthest-apart items (" + first.id() + ", " + last.id() + ") are " + span.toSeconds()
                + " s apart; the window is " + ctx.moveWindow().get().toSeconds() + " s";
        return span.compareTo(ctx.moveWindow().get()) > 0 ? pass(detail, List.of(first.id(), last.id()))
                : fail(detail, List.of(first.id(), last.id()));
    }
}
