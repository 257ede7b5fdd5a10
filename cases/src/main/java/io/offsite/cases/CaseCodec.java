package io.offsite.cases;

import io.offsite.cases.service.ServiceRules;
import io.offsite.core.internal.json.StrictJson;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of a {@link PenaltyCase} for persistent {@code CaseStore}s: a versioned, strict JSON document
 * of the case's facts (state, dates, decisions, service records), with the timeline kept apart so a store can
 * write it row by row and only ever append. {@link #decode} puts the two back together and checks they agree.
 *
 * <p>The document is {@code {"format":"offsite.penalty-case","version":1,...}} with every key always present
 * ({@code null} when absent). Reading refuses another format or version, unknown or missing keys, values of the
 * wrong type, and anything the value types refuse; the failure is a {@link CaseException} naming the case and the
 * JSON path. Service records are stored as the facts they were built from and rebuilt through the law of service
 * under this codec's {@link ServiceRules}: pass the rules the host serves documents with. Immutable and
 * thread-safe.
 */
public final class CaseCodec {
    static final String FORMAT = "offsite.penalty-case";
    static final int VERSION = 1;

    private final StrictJson json = StrictJson.builder().maxNestingDepth(16).maxNumberChars(24)
            .maxStringChars(1 << 16).maxDocumentChars(1 << 22).build();
    private final ServiceRules serviceRules;

    private CaseCodec(ServiceRules serviceRules) {
        this.serviceRules = serviceRules;
    }

    /** A codec rebuilding service records under {@code serviceRules}. */
    public static CaseCodec create(ServiceRules serviceRules) {
        return new CaseCodec(Objects.requireNonNull(serviceRules, "serviceRules"));
    }

    /** A codec rebuilding service records under {@link ServiceRules#defaults()}. */
    public static CaseCodec defaults() {
        return create(ServiceRules.defaults());
    }

    /** The case's facts as one JSON document, without its timeline (stored entry by entry). */
    public String encode(PenaltyCase c) {
        Objects.requireNonNull(c, "case");
        try {
            return json.mapper().writeValueAsString(SnapshotWriter.write(c));
        } catch (IOException e) { // Jackson's JsonProcessingException; a tree of strings and numbers always writes
            throw new CaseException("case " + c.caseId() + ": its snapshot cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The case from its stored facts and its stored timeline.
     *
     * @param caseId   the id the store holds the case under (checked against the document)
     * @param document what {@link #encode} wrote
     * @param timeline the stored timeline, oldest first
     * @throws CaseException naming the case when the document does not decode or disagrees with the timeline
     */
    public PenaltyCase decode(String caseId, String document, List<TimelineEntry> timeline) {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(timeline, "timeline");
        String what = "case " + caseId + ": the stored snapshot";
        PenaltyCase.Draft d;
        try {
            d = SnapshotReader.read(json.read(document), serviceRules);
        } catch (StrictJson.Malformed e) {
            throw new CaseException(what + " is not valid JSON" + e.atLineColumn() + ": " + e.reason(), e);
        } catch (SnapshotFields.Bad e) {
            throw new CaseException(what + " does not decode: " + e.getMessage());
        } catch (RuntimeException e) { // a value type's own check (OffsiteException, DateTimeException, …)
            throw new CaseException(what + " holds a value its type refuses: " + e.getMessage(), e);
        }
        if (!caseId.equals(d.caseId)) {
            throw new CaseException(what + " is of case " + d.caseId);
        }
        checkTimeline(caseId, d.state, timeline);
        d.timeline.addAll(timeline);
        return d.build();
    }

    private static void checkTimeline(String caseId, CaseState state, List<TimelineEntry> timeline) {
        String what = "case " + caseId + ": the stored timeline";
        if (timeline.isEmpty() || !timeline.get(0).action().equals("FILE")) {
            throw new CaseException(what + " does not start with its filing (FILE entry at seq 0)");
        }
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).seq() != i) {
                throw new CaseException(what + " has entry seq " + timeline.get(i).seq() + " at position " + i
                        + "; entries must be numbered 0, 1, 2, … without gaps");
            }
        }
        CaseState last = timeline.get(timeline.size() - 1).to();
        if (last != state) {
            throw new CaseException(what + " ends in state " + last + " but the snapshot says " + state);
        }
    }
}
