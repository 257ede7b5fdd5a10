package io.offsite.core.objects;

import io.offsite.core.grid.OfficerId;
import io.offsite.core.violation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * "One enterprise, one file" (一企一档): the archive of patrols, findings and cases kept for one managed
 * object. Immutable; the {@code with…} methods return a new archive with one record appended.
 *
 * @param objectId the {@link ManagedObject#id()}
 * @param patrols  patrol visits, oldest first
 * @param findings problems found, oldest first
 * @param cases    cases opened against the object, oldest first
 */
public record EnterpriseArchive(String objectId, List<Patrol> patrols, List<Finding> findings, List<CaseRef> cases) {
    public EnterpriseArchive {
        Objects.requireNonNull(objectId, "objectId");
        patrols = List.copyOf(patrols);
        findings = List.copyOf(findings);
        cases = List.copyOf(cases);
    }

    /** A new, empty archive. */
    public static EnterpriseArchive empty(String objectId) {
        return new EnterpriseArchive(objectId, List.of(), List.of(), List.of());
    }

    /** Appends a patrol. */
    public EnterpriseArchive withPatrol(Patrol p) {
        return new EnterpriseArchive(objectId, append(patrols, p), findings, cases);
    }

    /** Appends a finding. */
    public EnterpriseArchive withFinding(Finding f) {
        return new EnterpriseArchive(objectId, patrols, append(findings, f), cases);
    }

    /** Appends a case reference. */
    public EnterpriseArchive withCase(CaseRef c) {
        return new EnterpriseArchive(objectId, patrols, findings, append(cases, c));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(Objects.requireNonNull(item, "item"));
        return out;
    }

    /** A patrol visit (巡查). */
    public record Patrol(Instant at, OfficerId officer, String note) {
        public Patrol {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(officer, "officer");
            Objects.requireNonNull(note, "note");
        }
    }

    /** A problem found on patrol or by a camera (发现问题), with the violation it maps to. */
    public record Finding(Instant at, Violation violation, String description) {
        public Finding {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(description, "description");
        }
    }

    /** A case opened against the object (案件). */
    public record CaseRef(String caseId, Violation violation, Instant filedAt) {
        public CaseRef {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(filedAt, "filedAt");
        }
    }
}
