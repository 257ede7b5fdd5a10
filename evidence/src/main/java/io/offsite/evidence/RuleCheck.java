package io.offsite.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** One data-driven check from the rule file; {@link #parse} builds it from its JSON. */
abstract class RuleCheck {
    final String id;
    final String reason;

    RuleCheck(String id, String reason) {
        this.id = id;
        this.reason = reason;
    }

    abstract Finding apply(List<EvidenceItem> items, CaseContext ctx);

    Finding pass(String detail, List<String> ids) {
        return new Finding(id, Finding.Status.PASSED, reason, detail, ids);
    }

    Finding fail(String detail, List<String> ids) {
        return new Finding(id, Finding.Status.FAILED, reason, detail, ids);
    }

    Finding cannot(String detail) {
        return new Finding(id, Finding.Status.CANNOT_CHECK, reason, detail, List.of());
    }

    /** Largest count a rule may require (items, distinct dates). */
    static final long MAX_COUNT = 10_000;

    static RuleCheck parse(JsonNode n, String where) {
        String id = Json.requireText(n, "id", where);
        String w = where + " (" + id + ")";
        String type = Json.requireText(n, "type", w);
        String reason = template(Json.requireText(n, "reason", w), n);
        Selector sel = type.equals("anyOf") || type.equals("timestampsConsistent") || type.equals("smsDeliveredBefore")
                ? null : Selector.parse(n, w);
        switch (type) {
            case "minCount" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "kinds", "where", "min", "minFrom");
                Optional<String> from = Json.optText(n, "minFrom", w);
                if (from.isPresent() && !from.get().equals("warningsRequired")) {
                    throw new EvidenceException(w + ": minFrom must be \"warningsRequired\", was " + from.get());
                }
                long min = from.isPresent() ? -1 : Json.requireLong(n, "min", w, 0, MAX_COUNT);
                return new MinCount(id, reason, sel, (int) min);
            }
            case "minSpan" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "kinds", "where");
                return new MinSpan(id, reason, sel);
            }
            case "distinctDates" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "kinds", "where", "min");
                return new DistinctDates(id, reason, sel, (int) Json.requireLong(n, "min", w, 0, MAX_COUNT));
            }
            case "deviceReviewed" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "kinds", "where", "maxClockErrorMillisPer24h");
                return new DeviceReviewed(id, reason, sel, Json.requireLong(n, "maxClockErrorMillisPer24h", w, 0,
                        ManifestCodec.MAX_CLOCK_ERROR.toMillis()));
            }
            case "insideFence" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "kinds", "where");
                return new InsideFence(id, reason, sel);
            }
            case "smsDeliveredBefore" -> {
                Json.allowOnly(n, w, "id", "type", "reason");
                return new SmsDelivered(id, reason);
            }
            case "timestampsConsistent" -> {
                Json.allowOnly(n, w, "id", "type", "reason");
                return new TimestampsConsistent(id, reason);
            }
            case "anyOf" -> {
                Json.allowOnly(n, w, "id", "type", "reason", "of");
                JsonNode of = Json.require(n, "of", w);
                if (!of.isArray() || of.size() < 2) {
                    throw new EvidenceException(w + ": anyOf needs an array of at least two checks");
                }
                List<RuleCheck> subs = new ArrayList<>();
                for (int i = 0; i < of.size(); i++) {
                    subs.add(parse(of.get(i), w + ".of[" + i + "]"));
                }
                return new AnyOf(id, reason, subs);
            }
            default -> throw new EvidenceException(w + ": unknown check type \"" + type + "\" (known: minCount, "
                    + "minSpan, distinctDates, deviceReviewed, insideFence, smsDeliveredBefore, timestampsConsistent,"
                    + " anyOf)");
        }
    }

    private static String template(String reason, JsonNode n) {
        String out = reason;
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                out = out.replace("{" + e.getKey() + "}", e.getValue().asText());
            }
        }
        return out;
    }

    /** Which items a check looks at: kinds plus required fact values. */
    record Selector(Set<ItemKind> kinds, Map<String, String> where) {
        static Selector parse(JsonNode n, String w) {
            JsonNode k = Json.require(n, "kinds", w);
            if (!k.isArray() || k.isEmpty()) {
                throw new EvidenceException(w + ": kinds must be a non-empty array of item kinds");
            }
            Set<ItemKind> kinds = EnumSet.noneOf(ItemKind.class);
            for (int i = 0; i < k.size(); i++) {
                JsonNode x = k.get(i);
                if (!x.isTextual()) {
                    throw new EvidenceException(w + ".kinds[" + i + "] must be a string, was " + Json.type(x));
                }
                kinds.add(Json.enumValue(x.textValue(), w + ".kinds[" + i + "]", ItemKind.class));
            }
            Map<String, String> where = new LinkedHashMap<>();
            JsonNode wh = n.get("where");
            if (wh != null) {
                if (!wh.isObject()) {
                    throw new EvidenceException(w + ".where must be an object of fact values, was " + Json.type(wh));
                }
                for (Map.Entry<String, JsonNode> e : wh.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new EvidenceException(w + ".where." + Json.clip(e.getKey()) + " must be a string, was "
                                + Json.type(e.getValue()));
                    }
                    where.put(e.getKey(), e.getValue().textValue());
                }
            }
            return new Selector(kinds, where);
        }

        List<EvidenceItem> select(List<EvidenceItem> items) {
            // A derived/redacted copy is not separate evidence: it never counts towards a requirement.
            return items.stream().filter(i -> i.derivedFrom().isEmpty()).filter(i -> kinds.contains(i.kind()))
                    .filter(i -> where.entrySet().stream().allMatch(e -> e.getValue().equals(i.spec().facts()
                            .get(e.getKey())))).toList();
        }
    }

    static List<String> ids(List<EvidenceItem> items) {
        return items.stream().map(EvidenceItem::id).toList();
    }

    static final class MinCount extends RuleCheck {
        private final Selector sel;
        private final int min;

        MinCount(String id, String reason, Selector sel, int min) {
            super(id, reason);
            this.sel = sel;
            this.min = min;
        }

        @Override
        Finding apply(List<EvidenceItem> items, CaseContext ctx) {
            int need = min;
            if (need < 0) {
                if (ctx.warningsRequired().isEmpty()) {
                    return cannot("the case context does not say how many warnings the ladder requires");
                }
                need = ctx.warningsRequired().getAsInt();
            }
            List<EvidenceItem> found = sel.select(items);
            String detail = "found " + found.size() + " of the " + need + " required";
            return found.size() >= need ? pass(detail, ids(found)) : fail(detail, ids(found));
        }
    }

    static final class DeviceReviewed extends RuleCheck {
        private final Selector sel;
        private final long maxMillis;

        DeviceReviewed(String id, String reason, Selector sel, long maxMillis) {
            super(id, reason);
            this.sel = sel;
            this.maxMillis = maxMillis;
        }

        @Override
        Finding apply(List<EvidenceItem> items, CaseContext ctx) {
            List<String> bad = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (EvidenceItem i : sel.select(items)) {
                if (i.spec().deviceReview() != DeviceReview.REVIEWED) {
                    bad.add(i.id());
                    why.add(i.id() + " device " + i.spec().capturedBy() + " is " + i.spec().deviceReview());
                } else if (i.spec().clockErrorPer24h().isEmpty()) {
                    bad.add(i.id());
                    why.add(i.id() + " has no measured clock error");
                } else if (i.spec().clockErrorPer24h().get().toMillis() > maxMillis) {
                    bad.add(i.id());
                    why.add(i.id() + " clock error " + i.spec().clockErrorPer24h().get().toMillis() + " ms/24 h");
                }
            }
            return bad.isEmpty() ? pass("all capturing devices reviewed and within the clock tolerance", List.of())
                    : fail(String.join("; ", why), bad);
        }
    }

    static final class InsideFence extends RuleCheck {
        private final Selector sel;

        InsideFence(String id, String reason, Selector sel) {
            super(id, reason);
            this.sel = sel;
        }

        @Override
        Finding apply(List<EvidenceItem> items, CaseContext ctx) {
            if (ctx.fence().isEmpty()) {
                return cannot("the case context has no fence polygon");
            }
            PreparedGeometry fence = PreparedGeometryFactory.prepare(ctx.fence().get());
            GeometryFactory gf = ctx.fence().get().getFactory();
            List<String> bad = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (EvidenceItem i : sel.select(items)) {
                if (i.spec().location().isEmpty()) {
                    bad.add(i.id());
                    why.add(i.id() + " has no location");
                } else {
                    var p = i.spec().location().get();
                    if (!fence.covers(gf.createPoint(new Coordinate(p.lon(), p.lat())))) {
                        bad.add(i.id());
                        why.add(i.id() + " at " + p + " is outside the fence");
                    }
                }
            }
            return bad.isEmpty() ? pass("all locations are inside the fence", List.of())
                    : fail(String.join("; ", why), bad);
        }
    }

    static final class AnyOf extends RuleCheck {
        private final List<RuleCheck> options;

        AnyOf(String id, String reason, List<RuleCheck> options) {
            super(id, reason);
            this.options = options;
        }

        @Override
        Finding apply(List<EvidenceItem> items, CaseContext ctx) {
            List<String> details = new ArrayList<>();
            for (RuleCheck c : options) {
                Finding f = c.apply(items, ctx);
                if (f.status() == Finding.Status.PASSED) {
                    return pass("met by " + c.id + ": " + f.detail(), f.itemIds());
                }
                details.add(c.id + ": " + f.detail());
            }
            return fail("none of the alternatives is met (" + String.join("; ", details) + ")", List.of());
        }
    }

    static Optional<Instant> instant(EvidenceItem i, String fact) {
        try {
            return i.spec().fact(fact).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
