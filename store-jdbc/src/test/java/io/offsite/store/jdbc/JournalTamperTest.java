package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidenceException;
import io.offsite.evidence.FileSystemBlobStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows of the journal changed directly in SQL. On PostgreSQL each test first disables the append-only trigger as
 * the table's owner ({@link JournalTamper#bypassAppendOnly}), simulating an attacker with those rights.
 */
class JournalTamperTest {
    @TempDir
    Path dir;

    /** A case with two items, a view by officer-1 and a signed head: rows 1 case, 2-3 items, 4 view, 5 head. */
    private EvidenceChain journaled(ChainFixtures f, OffsiteDatabase db, String caseId) {
        EvidenceChain c = f.chain(db, caseId);
        c.add(ChainFixtures.still(0), ChainFixtures.bytes("still one"), "platform");
        c.add(ChainFixtures.still(11), ChainFixtures.bytes("still two"), "platform");
        c.recordView("item-0001", "officer-1");
        c.signHead();
        return c;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void recordEditedInSql_isACorruptRowNamingCaseAndSeq_andTheChainRefusesToReopen(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            journaled(f, db, "case-e");
            long view = JournalTamper.seqOf(ds, "case-e", "officer-1");
            assertThat(view).isEqualTo(4);
            JournalTamper.bypassAppendOnly(ds, dialect);
            JournalTamper.editRecord(ds, "case-e", view, "officer-1", "officer-9");

            assertThatThrownBy(() -> JdbcChainJournals.create(db).journal("case-e").readAll())
                    .isInstanceOfSatisfying(CorruptRowException.class, e -> {
                        assertThat(e.table()).isEqualTo("evidence_journal");
                        assertThat(e.key()).isEqualTo("case case-e seq 4");
                    })
                    .hasMessageContaining("the record was edited after it was written");
            assertThatThrownBy(() -> f.chain(db, "case-e")).isInstanceOf(CorruptRowException.class)
                    .hasMessageContaining("case case-e seq 4");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void editedRowWithOnlyItsOwnHashesRecomputed_breaksTheLinkOfTheNextRow(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            journaled(f, db, "case-l");
            String originalLink5 = rowHash(ds, "case-l", 5);
            JournalTamper.bypassAppendOnly(ds, dialect);
            JournalTamper.editRecord(ds, "case-l", 4, "officer-1", "officer-9");
            JournalTamper.rehash(ds, "case-l"); // row 4's hashes now fit its edited record ...
            ChainFixtures.exec(ds, "UPDATE evidence_journal SET row_hash = ? WHERE case_id = 'case-l' AND seq = 5",
                    originalLink5); // ... but row 5 keeps the link it was written with
            assertThatThrownBy(() -> JdbcChainJournals.create(db).journal("case-l").readAll())
                    .isInstanceOfSatisfying(CorruptRowException.class,
                            e -> assertThat(e.key()).isEqualTo("case case-l seq 5"))
                    .hasMessageContaining("this row or one before it was edited");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void deletedRow_orRowsCopiedFromAnotherCase_areCorruptRowsNamingTheSeq(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            journaled(f, db, "case-d");
            ChainFixtures.exec(ds, "INSERT INTO evidence_journal (case_id, seq, record, record_sha256, row_hash)"
                    + " SELECT 'case-copy', seq, record, record_sha256, row_hash FROM evidence_journal"
                    + " WHERE case_id = 'case-d'");
            assertThatThrownBy(() -> JdbcChainJournals.create(db).journal("case-copy").readAll())
                    .isInstanceOfSatisfying(CorruptRowException.class,
                            e -> assertThat(e.key()).isEqualTo("case case-copy seq 1"));

            JournalTamper.bypassAppendOnly(ds, dialect);
            ChainFixtures.exec(ds, "DELETE FROM evidence_journal WHERE case_id = 'case-d' AND seq = 3");
            assertThatThrownBy(() -> f.chain(db, "case-d"))
                    .isInstanceOfSatisfying(CorruptRowException.class,
                            e -> assertThat(e.key()).isEqualTo("case case-d seq 3"))
                    .hasMessageContaining("the row is missing (the next stored row is seq 4): a row was deleted");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void custodyEntryEdited_withEveryHashColumnRecomputed_isCaughtByTheSignedHead_namingTheEntry(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            EvidenceChain c = journaled(f, db, "case-h"); // head at record 5 covers entries 0-2
            c.recordView("item-0002", "officer-2"); // record 6, entry 3
            c.signHead(); // record 7 covers entries 0-3
            journaled(f, db, "case-r");
            JournalTamper.bypassAppendOnly(ds, dialect);
            JournalTamper.editRecord(ds, "case-h", 6, "officer-2", "officer-8");
            JournalTamper.rehash(ds, "case-h");
            JournalTamper.editRecord(ds, "case-r", 4, "officer-1", "officer-9");
            JournalTamper.rehash(ds, "case-r");

            assertThat(JdbcChainJournals.create(db).journal("case-h").readAll()).hasSize(7); // the links hold again
            assertThatThrownBy(() -> f.chain(db, "case-h")).isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("chain journal record 7: signed head (size 4) does not match the journaled log")
                    .hasMessageContaining("custody entry 3 (journal record 6) was changed since it was signed");
            // with one head only, the message names the entries that head covers
            assertThatThrownBy(() -> f.chain(db, "case-r")).isInstanceOf(EvidenceException.class)
                    .hasMessageContaining("chain journal record 5: signed head (size 3)")
                    .hasMessageContaining("one of custody entries 0-2 (journal records 2-4) was changed");
        }
    }

    @Test
    void onPostgresql_updateDeleteAndTruncate_areRefusedByTheAppendOnlyTrigger() throws SQLException {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(Dialect.POSTGRESQL, dir);
                OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
            journaled(f, db, "case-p");
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE evidence_journal SET record = '{}' WHERE seq = 4"))
                        .hasMessageContaining("evidence_journal is append-only: UPDATE of case case-p, seq 4 refused");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM evidence_journal WHERE seq = 5"))
                        .hasMessageContaining("append-only: DELETE of case case-p, seq 5 refused");
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE evidence_journal"))
                        .hasMessageContaining("append-only: TRUNCATE refused");
            }
            assertThat(f.chain(db, "case-p").custodyLog().size()).isEqualTo(3);
        }
    }

    private static String rowHash(HikariDataSource ds, String caseId, long seq) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT row_hash FROM evidence_journal WHERE case_id = '" + caseId
                        + "' AND seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
