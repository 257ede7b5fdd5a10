package io.offsite.cases.penalty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a penalty table was rejected.
 *
 * @param kind     what rule the table broke
 * @param where    where the problem is: for a SYNTAX problem the JSON path in the document
 *                 ({@code PARKING.versions[0].tiers[2].fine.maxYaun}; {@code mine.json line 3 column 7} for malformed
 *                 JSON, {@code mine.json.code} before the code is known), for the checks of a loaded version its
 *                 code, version id and tier or exemption ({@code PARKING/zj-2025/tiers/ordinary}), or the version
 *                 alone for gaps and overlaps ({@code PARKING/zj-2025}; the tiers are in {@code tierIds})
 * @param message  what is wrong and how to fix it
 * @param example  a concrete fact set showing the problem (gaps and overlaps), if any
 * @param tierIds  tiers involved (the two overlapping tiers, the shrinking pair)
 */
public record TableProblem(Kind kind, String where, String message, Optional<Facts> example, List<String> tierIds) {
    public TableProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(example, "example");
        tierIds = List.copyOf(tierIds);
    }

    /** Kinds of table problems. */
    public enum Kind {
        /** Malformed JSON, unknown key, wrong type or value. */
        SYNTAX,
        /** A fine band reaches outside the statutory range, or a warning where the law allows none. */
        OUTSIDE_STATUTORY_RANGE,
        /** Some fact set matches no tier. */
        GAP,
        /** Some fact set matches two tiers. */
        OVERLAP,
        /** A more severe tier has a lower minimum or maximum, or a lighter outcome. */
        SHRINKING_BAND,
        /** Two versions of one violation are in force on the same day. */
        OVERLAPPING_VERSIONS,
        /** An exemption's conditions are looser than the law allows, or a mandatory mitigation is ignored. */
        UNLAWFUL_DISCRETION,
        /** The gap search would exceed its work bound; the table cannot be verified and is refused. */
        TOO_COMPLEX
    }

    @Override
    public String toString() {
        return kind + " at " + where + ": " + message + example.map(f -> " e.g. " + f).orElse("");
    }
}
