package io.offsite.core.objects;

import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.spi.EnterpriseFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link EnterpriseFiles} held in memory for a fixed set of managed objects, for tests, examples and small hosts.
 * Only the objects given to {@link #of(Collection)} or {@link #open(ManagedObject)} have a file; any other id is an
 * {@link UnknownObjectException}.
 * Records are inserted in time order (a late record goes before newer ones; equal times keep arrival order).
 * Thread-safe: appends to one file are serialised.
 */
public final class InMemoryEnterpriseFiles implements EnterpriseFiles {
    private final Map<String, EnterpriseArchive> files = new ConcurrentHashMap<>();

    private InMemoryEnterpriseFiles(Collection<String> ids) {
        ids.forEach(id -> files.put(id, EnterpriseArchive.empty(id)));
    }

    /**
     * Empty files for {@code objects}.
     *
     * @throws InvalidValueException when two objects share an id
     */
    public static InMemoryEnterpriseFiles of(Collection<ManagedObject> objects) {
        Objects.requireNonNull(objects, "objects");
        List<String> ids = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ManagedObject o : objects) {
            Objects.requireNonNull(o, "object");
            if (!seen.add(o.id())) {
                throw new InvalidValueException("managed object id \"" + o.id() + "\" is given twice");
            }
            ids.add(o.id());
        }
        return new InMemoryEnterpriseFiles(ids);
    }

    /**
     * Opens an empty file for an object registered after construction (e.g. imported later).
     *
     * @return true when the file is new, false when the object already had one (which is kept unchanged)
     */
    public boolean open(ManagedObject object) {
        Objects.requireNonNull(object, "object");
        return files.putIfAbsent(object.id(), EnterpriseArchive.empty(object.id())) == null;
    }

    @Override
    public EnterpriseArchive load(String objectId) {
        EnterpriseArchive a = files.get(ObjectIds.require(objectId, "objectId"));
        if (a == null) {
            throw new UnknownObjectException(objectId, "enterprise file");
        }
        return a;
    }

    @Override
    public EnterpriseArchive appendPatrol(String objectId, Patrol patrol) {
        Objects.requireNonNull(patrol, "patrol");
        return update(objectId, a -> a.patrols().contains(patrol) ? a : new EnterpriseArchive(a.objectId(),
                insert(a.patrols(), patrol, Patrol::at), a.findings(), a.cases()));
    }

    @Override
    public EnterpriseArchive appendFinding(String objectId, Finding finding) {
        Objects.requireNonNull(finding, "finding");
        return update(objectId, a -> a.findings().contains(finding) ? a : new EnterpriseArchive(a.objectId(),
                a.patrols(), insert(a.findings(), finding, Finding::at), a.cases()));
    }

    @Override
    public EnterpriseArchive appendCase(String objectId, CaseRef caseRef) {
        Objects.requireNonNull(caseRef, "caseRef");
        return update(objectId, a -> {
            for (CaseRef c : a.cases()) {
                if (c.caseId().equals(caseRef.caseId())) {
                    if (c.equals(caseRef)) {
                        return a;
                    }
                    throw new InvalidValueException("enterprise file of " + objectId + " already holds case "
                            + c.caseId() + " (" + c.violation() + ", filed " + c.filedAt() + "); refused a different"
                            + " record with the same case id (" + caseRef.violation() + ", filed " + caseRef.filedAt() + ")");
                }
            }
            return new EnterpriseArchive(a.objectId(), a.patrols(), a.findings(),
                    insert(a.cases(), caseRef, CaseRef::filedAt));
        });
    }

    private EnterpriseArchive update(String objectId, java.util.function.UnaryOperator<EnterpriseArchive> change) {
        load(objectId);
        return files.compute(objectId, (id, a) -> change.apply(a));
    }

    /** {@code list} with {@code item} after every record not later than it. */
    private static <T> List<T> insert(List<T> list, T item, Function<T, Instant> time) {
        List<T> out = new ArrayList<>(list.size() + 1);
        Comparator<Instant> order = Comparator.naturalOrder();
        int at = list.size();
        while (at > 0 && order.compare(time.apply(list.get(at - 1)), time.apply(item)) > 0) {
            at--;
        }
        out.addAll(list.subList(0, at));
        out.add(item);
        out.addAll(list.subList(at, list.size()));
        return out;
    }
}
