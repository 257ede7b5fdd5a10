package io.offsite.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * An attacker with write access to {@code evidence_journal} in SQL. On PostgreSQL the append-only trigger must go
 * first: {@link #bypassAppendOnly} disables it as the table's owner (the test user is a superuser and owns the
 * table), which is what an attacker holding those rights would do; an application role granted only SELECT and
 * INSERT could not.
 */
final class JournalTamper {
    private static final HexFormat HEX = HexFormat.of();

    private JournalTamper() {
    }

    /** Disables the append-only trigger (PostgreSQL; nothing to do on H2, whose rows are checked on read only). */
    static void bypassAppendOnly(DataSource ds, Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            ChainFixtures.exec(ds, "ALTER TABLE evidence_journal DISABLE TRIGGER evidence_journal_append_only");
        }
    }

    /** Replaces {@code from} by {@code to} in the record of row {@code seq}, leaving the hash columns as they were. */
    static void editRecord(DataSource ds, String caseId, long seq, String from, String to) {
        int n = ChainFixtures.exec(ds, "UPDATE evidence_journal SET record = REPLACE(record, ?, ?)"
                + " WHERE case_id = ? AND seq = ?", from, to, caseId, seq);
        if (n != 1) {
            throw new IllegalStateException("no row " + caseId + "/" + seq);
        }
    }

    /** Recomputes record_sha256 and row_hash of every row of the case, as an attacker who read the schema would. */
    static void rehash(DataSource ds, String caseId) {
        try (Connection c = ds.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT seq, record FROM evidence_journal WHERE case_id = ?"
                        + " ORDER BY seq");
                PreparedStatement write = c.prepareStatement("UPDATE evidence_journal SET record_sha256 = ?,"
                        + " row_hash = ? WHERE case_id = ? AND seq = ?")) {
            read.setString(1, caseId);
            byte[] previous = sha(caseId.getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    byte[] record = rs.getString(2).getBytes(StandardCharsets.UTF_8);
                    previous = sha(previous, record);
                    write.setString(1, HEX.formatHex(sha(record)));
                    write.setString(2, HEX.formatHex(previous));
                    write.setString(3, caseId);
                    write.setLong(4, rs.getLong(1));
                    write.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The journal seq of the first row whose record contains {@code text}. */
    static long seqOf(DataSource ds, String caseId, String text) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM"
                + " evidence_journal WHERE case_id = ? AND record LIKE ?")) {
            ps.setString(1, caseId);
            ps.setString(2, "%" + text + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
