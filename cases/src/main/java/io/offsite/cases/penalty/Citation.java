package io.offsite.cases.penalty;

import java.util.Objects;

/**
 * A legal citation: the law or rule, its article and optionally the clause/item.
 *
 * @param law     name of the law, regulation or benchmark document, e.g. {@code 行政处罚法}
 * @param article article number as written, e.g. {@code 33}
 * @param clause  clause or item, empty when the whole article is meant
 */
public record Citation(String law, String article, String clause) {
    public Citation {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(clause, "clause");
        if (law.isBlank()) {
            throw new PenaltyException("citation law must not be blank");
        }
    }

    /** APL (行政处罚法, 2021) article and clause. */
    public static Citation apl(String article, String clause) {
        return new Citation("行政处罚法", article, clause);
    }

    @Override
    public String toString() {
        return law + (article.isEmpty() ? "" : " Art. " + article) + (clause.isEmpty() ? "" : "(" + clause + ")");
    }
}
