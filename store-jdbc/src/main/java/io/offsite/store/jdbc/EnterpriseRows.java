package io.offsite.store.jdbc;

import io.offsite.core.OffsiteException;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.objects.EnterpriseArchive;
import io.offsite.core.objects.EnterpriseArchive.CaseRef;
import io.offsite.core.objects.EnterpriseArchive.Finding;
import io.offsite.core.objects.EnterpriseArchive.Patrol;
import io.offsite.core.violation.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The rows of {@code enterprise_records}: one record each, written once, read back oldest first. */
final class EnterpriseRows {
    static final String TABLE = "enterprise_records";
    /** The longest note or description a row holds (the column's size). */
    static final int MAX_BODY = 100_000;
    private static final String COLUMNS = "record_id, kind, at_instant, officer, violation, body, case_id, content_hash";

    /** What a row records. */
    enum Kind { PATROL, FINDING, CASE }

    /** One record as stored; {@code officer}, {@code violation} and {@code caseId} are null where the kind has none. */
    record Row(Kind kind, Instant at, String officer, String violation, String body, String caseId) {
        static Row of(Patrol p) {
            return new Row(Kind.PATROL, p.at(), p.officer().value(), null, p.note(), null);
        }

        static Row of(Finding f) {
            return new Row(Kind.FINDING, f.at(), null, f.violation().code(), f.description(), null);
        }

        static Row of(CaseRef c) {
            return new Row(Kind.CASE, c.filedAt(), null, c.violation().code(), "", c.caseId());
        }

        /** SHA-256 (hex) of the row's canonical form: every field length-prefixed, so no two rows share one. */
        String hash() {
            StringBuilder s = new StringBuilder();
            for (String field : new String[] {kind.name(), at.toString(), officer, violation, body, caseId}) {
                s.append(field == null ? "-" : field.length() + ":" + field).append(';');
            }
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    private EnterpriseRows() {
    }

    /** Inserts {@code row} unless an identical one is stored; returns whether a row was written. */
    static boolean insert(Connection c, String objectId, Row row, long recordedAtMillis) throws SQLException {
        String hash = row.hash();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (object_id, kind, at_instant, officer,"
                + " violation, body, case_id, content_hash, recorded_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + TABLE + " WHERE object_id = ? AND content_hash = ?)")) {
            ps.setString(1, objectId);
            ps.setString(2, row.kind().name());
            ps.setString(3, row.at().toString());
            ps.setString(4, row.officer());
            ps.setString(5, row.violation());
            ps.setString(6, row.body());
            ps.setString(7, row.caseId());
            ps.setString(8, hash);
            ps.setLong(9, recordedAtMillis);
            ps.setString(10, objectId);
            ps.setString(11, hash);
            return ps.executeUpdate() == 1;
        }
    }

    /** The case stored under {@code caseId} in the file of {@code objectId}, if any. */
    static Optional<CaseRef> findCase(Connection c, String objectId, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE object_id = ? AND case_id = ?")) {
            ps.setString(1, objectId);
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of((CaseRef) decode(objectId, rs)) : Optional.empty();
            }
        }
    }

    /** The file of {@code objectId}: every row, each list ordered by time and then by arrival. */
    static EnterpriseArchive read(Connection c, String objectId) throws SQLException {
        List<Patrol> patrols = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<CaseRef> cases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE object_id = ? ORDER BY record_id")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object r = decode(objectId, rs);
                    if (r instanceof Patrol p) {
                        patrols.add(p);
                    } else if (r instanceof Finding f) {
                        findings.add(f);
                    } else {
                        cases.add((CaseRef) r);
                    }
                }
            }
        }
        // stable sorts: records of equal time keep their arrival (record_id) order
        patrols.sort(Comparator.comparing(Patrol::at));
        findings.sort(Comparator.comparing(Finding::at));
        cases.sort(Comparator.comparing(CaseRef::filedAt));
        return new EnterpriseArchive(objectId, patrols, findings, cases);
    }

    /** The record of the current row: a {@link Patrol}, {@link Finding} or {@link CaseRef}; checked against its hash. */
    private static Object decode(String objectId, ResultSet rs) throws SQLException {
        String key = objectId + " record " + rs.getLong("record_id");
        String kindText = rs.getString("kind");
        Kind kind;
        try {
            kind = Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw new CorruptRowException(TABLE, key, "kind is \"" + kindText + "\", not one of PATROL, FINDING, CASE");
        }
        String atText = rs.getString("at_instant");
        Instant at;
        try {
            at = Instant.parse(atText);
        } catch (DateTimeParseException e) {
            throw new CorruptRowException(TABLE, key, "at_instant \"" + atText + "\" is not an ISO-8601 instant", e);
        }
        String body = rs.getString("body");
        Object record;
        Row row;
        try {
            switch (kind) {
                case PATROL -> {
                    Patrol p = new Patrol(at, OfficerId.of(required(rs, "officer", key)), body);
                    record = p;
                    row = Row.of(p);
                }
                case FINDING -> {
                    Finding f = new Finding(at, violation(rs, key), body);
                    record = f;
                    row = Row.of(f);
                }
                default -> {
                    CaseRef cr = new CaseRef(required(rs, "case_id", key), violation(rs, key), at);
                    record = cr;
                    row = Row.of(cr);
                }
            }
        } catch (OffsiteException | NullPointerException e) {
            if (e instanceof CorruptRowException corrupt) {
                throw corrupt;
            }
            throw new CorruptRowException(TABLE, key, "the " + kind + " row does not make a record: " + e.getMessage(), e);
        }
        String stored = rs.getString("content_hash");
        if (!row.hash().equals(stored == null ? "" : stored.strip())) {
            throw new CorruptRowException(TABLE, key, "the row no longer matches its content_hash (edited in SQL?)");
        }
        return record;
    }

    private static Violation violation(ResultSet rs, String key) throws SQLException {
        String code = required(rs, "violation", key);
        try {
            return Violation.of(code);
        } catch (OffsiteException e) {
            throw new CorruptRowException(TABLE, key, "violation \"" + code + "\" is not a violation code: "
                    + e.getMessage(), e);
        }
    }

    private static String required(ResultSet rs, String column, String key) throws SQLException {
        String v = rs.getString(column);
        if (v == null) {
            throw new CorruptRowException(TABLE, key, column + " is null");
        }
        return v;
    }
}
