package io.offsite.store.jdbc;

import io.offsite.evidence.spi.ChainJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evidence chains' journals in one {@link OffsiteDatabase}: one {@link ChainJournal} per case, all in the
 * table {@code evidence_journal}, one row per record, hash-linked per case. Any number of processes may open
 * journals on the same database: an append never lands on top of records its journal has not read, so two
 * writers of one case cannot fork its journal (the second gets a {@link StoreException} and must reopen the chain).
 * On PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE of the table; on both dialects every
 * {@link ChainJournal#readAll()} recomputes each row's hashes and throws a {@link CorruptRowException} naming the
 * case and seq of the first row edited, inserted or removed in SQL. The signed tree heads inside the journal catch
 * an edit whose hashes were recomputed too (when the chain is rebuilt). Deleting a case's newest rows leaves a
 * valid shorter journal: on H2 only a head kept elsewhere (an exported bundle) shows it. Thread-safe.
 *
 * <pre>{@code
 * JdbcChainJournals journals = JdbcChainJournals.create(db);
 * EvidenceChain chain = EvidenceChain.builder("case-42", Violation.PARKING)
 *         .journal(journals.journal("case-42")).blobStore(blobs).signingKeys(keys).build();
 * }</pre>
 */
public final class JdbcChainJournals {
    static final String TABLE = "evidence_journal";

    private final Sql sql;

    private JdbcChainJournals(Sql sql) {
        this.sql = sql;
    }

    /**
     * The journals in {@code db}.
     *
     * @throws StoreException if the database cannot hold UTF-8 text faithfully (a PostgreSQL database whose
     *                        encoding is not UTF8)
     */
    public static JdbcChainJournals create(OffsiteDatabase db) {
        Objects.requireNonNull(db, "db");
        Utf8Database.require(db, "the evidence chain journal");
        return new JdbcChainJournals(db.sql());
    }

    /**
     * The journal of case {@code caseId} (empty until its chain is first built). Each call returns a new journal
     * over the same rows; a chain holds one.
     *
     * @throws StoreException if the case id is blank or longer than 64 characters
     */
    public ChainJournal journal(String caseId) {
        Objects.requireNonNull(caseId, "caseId");
        if (caseId.isBlank() || caseId.length() > 64) {
            throw new StoreException("case id must be 1-64 characters and not blank, was \"" + caseId + "\"");
        }
        return new JdbcChainJournal(sql, caseId);
    }

    /** The ids of all cases with a journal, in id order (for rebuilding every chain after a restart). */
    public List<String> caseIds() {
        return sql.inTransaction("listing the cases in " + TABLE, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT case_id FROM " + TABLE
                    + " ORDER BY case_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
