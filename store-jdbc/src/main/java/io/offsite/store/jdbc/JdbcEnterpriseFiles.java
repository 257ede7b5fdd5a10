package io.offsite.store.jdbc;

import io.offsite.core.InvalidValueException;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.objects.ManagedObject;
import io.offsite.core.objects.UnknownObjectException;
import io.offsite.core.spi.EnterpriseFiles;
import io.offsite.store.jdbc.EnterpriseRows.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "One enterprise, one file" (一企一档) in an {@link OffsiteDatabase}: core's {@link EnterpriseFiles} over the tables
 * {@code enterprise_files} (one row per object that has a file) and {@code enterprise_records} (one row per patrol,
 * finding or case reference, only ever inserted; on PostgreSQL triggers refuse UPDATE, DELETE and TRUNCATE).
 *
 * <p>Semantics are those of {@link io.offsite.core.objects.InMemoryEnterpriseFiles}: only objects given to
 * {@link #open(ManagedObject)} or {@link #openAll(Collection)} have a file, any other well-formed id is an
 * {@link UnknownObjectException} and a malformed one an {@link InvalidValueException}; a record equal to one in the
 * file is not stored again (a unique key on the record's SHA-256, so this holds across processes too); a different
 * case record under a case id already in the file is refused with an {@link InvalidValueException}; each list comes
 * back oldest first, records of equal time in arrival order. A row that does not decode, or no longer matches its
 * hash, fails the read with a {@link CorruptRowException} naming the object and the row; database failures are
 * {@link StoreException}s. Every call is one transaction; nothing is cached. Thread-safe.
 *
 * <pre>{@code
 * JdbcEnterpriseFiles files = JdbcEnterpriseFiles.create(db);
 * files.openAll(registry.all());   // the host's managed objects; existing files are kept
 * }</pre>
 */
public final class JdbcEnterpriseFiles implements EnterpriseFiles {
    static final String FILES = "enterprise_files";
    private static final String DUPLICATE_KEY = "23505"; // unique violation, H2 and PostgreSQL alike
    private static final int MAX_ID = 128;

    private final Sql sql;
    private final Clock clock;

    private JdbcEnterpriseFiles(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * The enterprise files in {@code db}.
     *
     * @throws StoreException if the database cannot hold UTF-8 text faithfully (a PostgreSQL database whose
     *                        encoding is not UTF8)
     */
    public static JdbcEnterpriseFiles create(OffsiteDatabase db) {
        Objects.requireNonNull(db, "db");
        Utf8Database.require(db, "the enterprise files");
        return new JdbcEnterpriseFiles(db.sql(), db.clock());
    }

    /**
     * Opens an empty file for {@code object}.
     *
     * @return true when the file is new, false when the object already had one (which is kept unchanged)
     */
    public boolean open(ManagedObject object) {
        Objects.requireNonNull(object, "object");
        return openAll(List.of(object)) == 1;
    }

    /**
     * Opens an empty file for each of {@code objects} that has none yet, in one transaction; files that exist are
     * kept unchanged.
     *
     * @return how many files were new
     * @throws InvalidValueException when two objects share an id
     */
    public int openAll(Collection<ManagedObject> objects) {
        Objects.requireNonNull(objects, "objects");
        Set<String> seen = new HashSet<>();
        for (ManagedObject o : objects) {
            Objects.requireNonNull(o, "object");
            if (!seen.add(requireId(o.id(), "object id"))) {
                throw new InvalidValueException("managed object id \"" + o.id() + "\" is given twice");
            }
        }
        return retryingOnce("opening " + objects.size() + " enterprise file(s)", c -> {
            int opened = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + FILES + " (object_id, opened_at) SELECT ?, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + FILES + " WHERE object_id = ?)")) {
                long now = clock.millis();
                for (ManagedObject o : objects) {
                    ps.setString(1, o.id());
                    ps.setLong(2, now);
                    ps.setString(3, o.id());
                    opened += ps.executeUpdate();
                }
            }
            return opened;
        });
    }

    @Override
    public EnterpriseArchive load(String objectId) {
        String id = requireId(objectId, "objectId");
        return sql.inTransaction("reading the enterprise file of " + id, c -> {
            requireFile(c, id);
            return EnterpriseRows.read(c, id);
        });
    }

    @Override
    public EnterpriseArchive appendPatrol(String objectId, Patrol patrol) {
        Objects.requireNonNull(patrol, "patrol");
        return append(objectId, Row.of(patrol));
    }

    @Override
    public EnterpriseArchive appendFinding(String objectId, Finding finding) {
        Objects.requireNonNull(finding, "finding");
        return append(objectId, Row.of(finding));
    }

    @Override
    public EnterpriseArchive appendCase(String objectId, CaseRef caseRef) {
        Objects.requireNonNull(caseRef, "caseRef");
        String id = requireId(objectId, "objectId");
        return append(id, Row.of(caseRef), c -> {
            Optional<CaseRef> held = EnterpriseRows.findCase(c, id, caseRef.caseId());
            if (held.isPresent() && !held.get().equals(caseRef)) {
                CaseRef h = held.get();
                throw new InvalidValueException("enterprise file of " + id + " already holds case " + h.caseId() + " ("
                        + h.violation() + ", filed " + h.filedAt() + "); refused a different record with the same case id ("
                        + caseRef.violation() + ", filed " + caseRef.filedAt() + ")");
            }
        });
    }

    private EnterpriseArchive append(String objectId, Row row) {
        return append(requireId(objectId, "objectId"), row, c -> { });
    }

    /** Checks the file exists, runs {@code check}, inserts {@code row} unless stored, and reads the file back. */
    private EnterpriseArchive append(String id, Row row, Check check) {
        if (row.body().length() > EnterpriseRows.MAX_BODY) {
            throw new InvalidValueException("the " + row.kind().name().toLowerCase(java.util.Locale.ROOT) + " text for "
                    + id + " is " + row.body().length() + " characters; the enterprise file holds at most "
                    + EnterpriseRows.MAX_BODY);
        }
        return retryingOnce("appending a " + row.kind() + " record to the enterprise file of " + id, c -> {
            requireFile(c, id);
            check.run(c);
            EnterpriseRows.insert(c, id, row, clock.millis());
            return EnterpriseRows.read(c, id);
        });
    }

    /**
     * Runs {@code work} in a transaction; when another process inserted the same key at the same moment (a unique
     * violation), runs it once more in a new transaction, which then sees that row.
     */
    private <T> T retryingOnce(String what, Sql.Work<T> work) {
        try {
            return sql.inTransaction(what, c -> {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    if (DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw new Raced(e);
                    }
                    throw e;
                }
            });
        } catch (Raced r) {
            return sql.inTransaction(what + " (again, after a concurrent write)", work);
        }
    }

    private static void requireFile(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + FILES + " WHERE object_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownObjectException(id, "enterprise file");
                }
            }
        }
    }

    /** As core's checks of object ids: non-null, non-blank, at most 128 characters, no surrounding whitespace. */
    static String requireId(String id, String field) {
        if (id == null) {
            throw new InvalidValueException(field + " must be a managed object id, was null");
        }
        if (id.isBlank()) {
            throw new InvalidValueException(field + " must be a non-blank managed object id, was \"" + id + "\"");
        }
        if (id.length() > MAX_ID) {
            throw new InvalidValueException(field + " must be at most " + MAX_ID + " characters, was " + id.length());
        }
        if (!id.strip().equals(id) || id.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field + " must not have surrounding whitespace or control characters, was \""
                    + id.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        return id;
    }

    /** A check run inside the append's transaction before the insert. */
    @FunctionalInterface
    private interface Check {
        void run(Connection c) throws SQLException;
    }

    /** A unique violation from a concurrent writer: the transaction is rolled back and run again. */
    private static final class Raced extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Raced(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
