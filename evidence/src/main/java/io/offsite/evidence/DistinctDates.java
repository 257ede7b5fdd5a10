package io.offsite.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Rule check {@code distinctDates}: the selected items were captured on at least {@code min} distinct local dates. */
final class DistinctDates extends RuleCheck {
    private final Selector sel;
    private final int min;

    DistinctDates(String id, String reason, Selector sel, int min) {
        super(id, reason);
        this.sel = sel;
        this.min = min;
    }

    @Override
    Finding apply(List<EvidenceItem> items, CaseContext ctx) {
        List<EvidenceItem> found = sel.select(items);
        Set<LocalDate> dates = new TreeSet<>();
        found.forEach(i -> dates.add(i.capturedAt().atZone(ctx.zone()).toLocalDate()));
        String detail = "found " + dates.size() + " distinct date(s) " + dates + ", need " + min;
        return dates.size() >= min ? pass(detail, ids(found)) : fail(detail, ids(found));
    }
}
