package io.offsite.store.jdbc;

import io.offsite.cases.CaseCodec;
import io.offsite.cases.CaseConflictException;
import io.offsite.cases.CaseException;
import io.offsite.cases.CaseState;
import io.offsite.cases.PenaltyCase;
import io.offsite.cases.TimelineEntry;
import io.offsite.cases.service.ServiceRules;
import io.offsite.cases.spi.CaseStore;
import io.offsite.cases.spi.StoredCase;
import io.offsite.core.grid.OfficerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link CaseStore} of {@code cases} in an OffSite database. A case is one row of {@code cases} (its facts as
 * {@link CaseCodec} JSON and its version) plus one row of {@code case_timeline} per timeline entry. An update is
 * {@code UPDATE cases ... WHERE case_id = ? AND version = ?} and the INSERTs of the new entries in one
 * transaction: when another process updated the case first, no row matches and the update fails with a
 * {@link CaseConflictException} naming the stored version and who made the last change; timeline rows are only
 * ever inserted. Any number of processes may share the database. A row that does not decode fails the read with a
 * {@link CorruptRowException} naming the case; database failures are {@link StoreException}s. Thread-safe.
 *
 * <pre>{@code
 * CaseStore store = JdbcCaseStore.create(db, serviceRules);
 * CaseService cases = CaseService.create(lifecycle, store);
 * }</pre>
 */
public final class JdbcCaseStore implements CaseStore {
    static final String TABLE = "cases";
    private static final String ROW = "case_id, state, version, entries, snapshot";
    private static final String DUPLICATE_KEY = "23505"; // unique violation, H2 and PostgreSQL alike

    private final Sql sql;
    private final Clock clock;
    private final CaseCodec codec;
    private final TimelineRows timeline = new TimelineRows();

    private JdbcCaseStore(OffsiteDatabase db, CaseCodec codec) {
        this.sql = db.sql();
        this.clock = db.clock();
        this.codec = codec;
    }

    /** A store on {@code db} whose service records are rebuilt under {@link ServiceRules#defaults()}. */
    public static JdbcCaseStore create(OffsiteDatabase db) {
        return create(db, ServiceRules.defaults());
    }

    /** A store on {@code db} rebuilding stored service records under {@code serviceRules} (the host's own). */
    public static JdbcCaseStore create(OffsiteDatabase db, ServiceRules serviceRules) {
        Objects.requireNonNull(db, "db");
        return new JdbcCaseStore(db, CaseCodec.create(Objects.requireNonNull(serviceRules, "serviceRules")));
    }

    @Override
    public StoredCase create(PenaltyCase newCase) {
        Objects.requireNonNull(newCase, "newCase");
        String id = newCase.caseId();
        String snapshot = codec.encode(newCase);
        return sql.inTransaction("creating case " + id, c -> {
            Optional<long[]> existing = versionAndEntries(c, id);
            if (existing.isPresent()) {
                throw duplicate(id, "version " + existing.get()[0]);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (case_id, state, version, entries, updated_at, updated_by, snapshot) VALUES (?, ?, 1, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, newCase.state().name());
                ps.setInt(3, newCase.timeline().size());
                ps.setLong(4, clock.millis());
                ps.setString(5, lastActors(newCase));
                ps.setString(6, snapshot);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw duplicate(id, "created at the same moment by another process");
                }
                throw e;
            }
            timeline.insert(c, id, newCase.timeline(), 0);
            return new StoredCase(newCase, 1);
        });
    }

    @Override
    public Optional<StoredCase> find(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        return sql.inTransaction("reading case " + caseId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW + " FROM " + TABLE + " WHERE case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(stored(c, rs)) : Optional.<StoredCase>empty();
                }
            }
        });
    }

    @Override
    public StoredCase update(PenaltyCase next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        String id = next.caseId();
        String snapshot = codec.encode(next);
        return sql.inTransaction("updating case " + id + " from version " + expectedVersion, c -> {
            int changed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET state = ?, version = ?, entries = ?,"
                    + " updated_at = ?, updated_by = ?, snapshot = ? WHERE case_id = ? AND version = ?")) {
                ps.setString(1, next.state().name());
                ps.setLong(2, expectedVersion + 1);
                ps.setInt(3, next.timeline().size());
                ps.setLong(4, clock.millis());
                ps.setString(5, lastActors(next));
                ps.setString(6, snapshot);
                ps.setString(7, id);
                ps.setLong(8, expectedVersion);
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                long[] actual = versionAndEntries(c, id).orElseThrow(() -> new CaseException("case " + id
                        + " does not exist; create it before updating it"));
                throw new CaseConflictException(id, expectedVersion, actual[0], timeline.lastOrNull(c, id));
            }
            // the row is now locked by this transaction: the stored timeline cannot grow under us
            List<TimelineEntry> stored = storedTimeline(c, id);
            CaseStore.requireAppended(stored, next);
            timeline.insert(c, id, next.timeline(), stored.size());
            return new StoredCase(next, expectedVersion + 1);
        });
    }

    @Override
    public List<StoredCase> findByState(CaseState state, int limit) {
        Objects.requireNonNull(state, "state");
        if (limit < 1) {
            throw new CaseException("limit must be >= 1, was " + limit);
        }
        return sql.inTransaction("listing cases in state " + state, c -> {
            List<StoredCase> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW + " FROM " + TABLE
                    + " WHERE state = ? ORDER BY case_id LIMIT ?")) {
                ps.setString(1, state.name());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(stored(c, rs));
                    }
                }
            }
            return out;
        });
    }

    /** The case of the current row with exactly the timeline rows of its version. */
    private StoredCase stored(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("case_id");
        long version = rs.getLong("version");
        int entries = rs.getInt("entries");
        String state = rs.getString("state");
        String snapshot = rs.getString("snapshot");
        if (version < 1 || entries < 1) {
            throw new CorruptRowException(TABLE, id, "version " + version + " and entries " + entries + " must be >= 1");
        }
        List<TimelineEntry> entryRows = timeline.read(c, id, entries);
        PenaltyCase pc;
        try {
            pc = codec.decode(id, snapshot, entryRows);
        } catch (CaseException e) {
            throw new CorruptRowException(TABLE, id, e.getMessage(), e);
        }
        if (!pc.state().name().equals(state)) {
            throw new CorruptRowException(TABLE, id, "column state is " + state + " but the snapshot is in " + pc.state());
        }
        return new StoredCase(pc, version);
    }

    private List<TimelineEntry> storedTimeline(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + TimelineRows.TABLE + " WHERE case_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return timeline.read(c, id, rs.getInt(1));
            }
        }
    }

    private static Optional<long[]> versionAndEntries(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, entries FROM " + TABLE + " WHERE case_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new long[] {rs.getLong(1), rs.getLong(2)}) : Optional.empty();
            }
        }
    }

    private static CaseException duplicate(String id, String detail) {
        return new CaseException("case " + id + " already exists (" + detail + "); a new case needs a new id");
    }

    private static String lastActors(PenaltyCase pc) {
        List<TimelineEntry> t = pc.timeline();
        String who = t.get(t.size() - 1).actors().stream().map(OfficerId::value).collect(Collectors.joining(", "));
        return who.length() <= 1000 ? who : who.substring(0, 999) + "…";
    }
}
