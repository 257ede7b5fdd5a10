package io.offsite.cases.penalty;

import io.offsite.core.violation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * All effective-dated versions of one violation's benchmark table. Assessment picks the version in force
 * on the date, then runs its compiled evaluator. Immutable and thread-safe; assessment allocates only the
 * returned {@link Decision} unless an explanation is asked for.
 */
public final class PenaltyTable {
    private final Violation code;
    private final String name;
    private final TableVersion[] versions; // sorted by effective date

    PenaltyTable(Violation code, String name, List<TableVersion> versions) {
        this.code = code;
        this.name = name;
        List<TableVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(TableVersion::effective));
        this.versions = sorted.toArray(new TableVersion[0]);
    }

    /** The violation this table assesses, e.g. {@link Violation#PARKING}. */
    public Violation violation() {
        return code;
    }

    /** Violation name. */
    public String name() {
        return name;
    }

    /** Versions, oldest first. */
    public List<TableVersion> versions() {
        return List.of(versions);
    }

    /** The version in force on {@code date}, if any. */
    public Optional<TableVersion> versionOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (int i = versions.length - 1; i >= 0; i--) {
            if (versions[i].inForceOn(date)) {
                return Optional.of(versions[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * Assesses {@code facts} under the version in force on {@code date} (the day of the violation).
     *
     * @throws PenaltyException when no version is in force that day, the table does not cover the party
     *                          type, or a fact the table tests is missing
     */
    public Decision assess(Facts facts, LocalDate date) {
        Objects.requireNonNull(facts, "facts");
        return version(date).decide(facts, null);
    }

    /** Like {@link #assess} but also explains every step with its legal citation. */
    public Assessment explain(Facts facts, LocalDate date) {
        Objects.requireNonNull(facts, "facts");
        TableVersion v = version(date);
        List<Explanation.Step> steps = new ArrayList<>();
        Decision d = v.decide(facts, steps);
        return new Assessment(d, new Explanation(v.versionId, v.effective, steps));
    }

    private TableVersion version(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (int i = versions.length - 1; i >= 0; i--) {
            TableVersion v = versions[i];
            if (!date.isBefore(v.effective)) {
                if (v.expiry == null || !date.isAfter(v.expiry)) {
                    return v;
                }
                break;
            }
        }
        StringBuilder in = new StringBuilder();
        for (TableVersion v : versions) {
            in.append(' ').append(v.versionId).append('[').append(v.effective).append("..")
                    .append(v.expiry == null ? "" : v.expiry).append(']');
        }
        throw new PenaltyException("no version of " + code + " is in force on " + date + "; versions:" + in);
    }

    @Override
    public String toString() {
        return "PenaltyTable[" + code + ", " + versions.length + " version(s)]";
    }
}
