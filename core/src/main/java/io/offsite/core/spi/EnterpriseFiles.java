package io.offsite.core.spi;

import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.objects.InMemoryEnterpriseFiles;
import io.offsite.core.objects.ManagedObject;
import java.util.Collection;

/**
 * Where "one enterprise, one file" (一企一档) is kept: each managed object's {@link EnterpriseArchive} of patrols,
 * findings and cases. Append-only: records are never changed or removed. Appending a record equal to one already in
 * the file is a no-op, so a re-delivered effect is harmless; a second, different case record with the same case id
 * is refused. Records are kept oldest first, whatever order they arrive in. The in-memory implementation is
 * {@link InMemoryEnterpriseFiles}; a database-backed one belongs to the host or the store module.
 *
 * <p>Errors: an id that is null, blank or padded is an {@link io.offsite.core.InvalidValueException}; a well-formed
 * id of no known object is an {@link io.offsite.core.objects.UnknownObjectException}.
 */
public interface EnterpriseFiles {

    /** The file of {@code objectId} (an empty archive when nothing was recorded yet). */
    EnterpriseArchive load(String objectId);

    /** Appends a patrol visit and returns the file as it now stands. */
    EnterpriseArchive appendPatrol(String objectId, Patrol patrol);

    /** Appends a finding and returns the file as it now stands. */
    EnterpriseArchive appendFinding(String objectId, Finding finding);

    /** Appends a case reference and returns the file as it now stands. */
    EnterpriseArchive appendCase(String objectId, CaseRef caseRef);

    /** Empty in-memory files for {@code objects} ({@link InMemoryEnterpriseFiles#of(Collection)}). */
    static InMemoryEnterpriseFiles inMemory(Collection<ManagedObject> objects) {
        return InMemoryEnterpriseFiles.of(objects);
    }
}
