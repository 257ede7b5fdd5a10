package io.offsite.cases.penalty;

import java.util.Optional;

/** A ground for no penalty or only a warning, tested before the tiers (e.g. 首违不罚). */
public final class Exemption {
    final String id;
    final ExemptionKind kind;
    final Optional<ExemptionKind> kindOpt;
    final Cond[] when;
    final Outcome outcome;
    final Citation basis;
    final Optional<Citation> basisOpt;
    String[] whyText;

    Exemption(String id, ExemptionKind kind, Cond[] when, Outcome outcome, Citation basis) {
        this.id = id;
        this.kind = kind;
        this.kindOpt = Optional.of(kind);
        this.when = when;
        this.outcome = outcome;
        this.basis = basis;
        this.basisOpt = Optional.of(basis);
    }

    /** Exemption id. */
    public String id() {
        return id;
    }

    /** Legal ground. */
    public ExemptionKind kind() {
        return kind;
    }

    /** {@link Outcome#NO_PENALTY} or {@link Outcome#WARNING}. */
    public Outcome outcome() {
        return outcome;
    }

    /** Citation. */
    public Citation basis() {
        return basis;
    }

    /** Condition in words. */
    public String condition() {
        return Tier.describe(when);
    }
}
