package io.offsite.store.jdbc;

import io.offsite.evidence.spi.ChainJournal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One case's {@link ChainJournal} in {@code evidence_journal}. The journal remembers the last row it read or wrote
 * (seq and row hash) and appends exactly the next seq linked to that row, so an append by another writer since
 * then makes this append collide on the primary key and fail: the journal is never forked.
 */
final class JdbcChainJournal implements ChainJournal {
    static final int MAX_RECORD_BYTES = 8 << 20;
    private static final String TABLE = JdbcChainJournals.TABLE;
    private static final String DUPLICATE_KEY = "23505";
    private static final HexFormat HEX = HexFormat.of();

    private final Sql sql;
    private final String caseId;
    private boolean read;
    private long lastSeq;
    private byte[] lastRowHash;

    JdbcChainJournal(Sql sql, String caseId) {
        this.sql = sql;
        this.caseId = caseId;
    }

    @Override
    public synchronized void append(byte[] record) {
        String text = requireValid(record);
        if (!read) {
            readAll(); // checks the rows and learns the tail before the first append
        }
        long seq = lastSeq + 1;
        byte[] rowHash = sha256(lastRowHash, record);
        sql.inTransaction("appending record " + seq + " to the chain journal of case " + caseId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (case_id, seq, record, record_sha256, row_hash) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, caseId);
                ps.setLong(2, seq);
                ps.setString(3, text);
                ps.setString(4, HEX.formatHex(sha256(record)));
                ps.setString(5, HEX.formatHex(rowHash));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw new StoreException("cannot append record " + seq + " to the chain journal of case " + caseId
                            + ": another writer appended record " + seq + " first (two processes are writing this"
                            + " case); nothing was written, so the journal is not forked: reopen the chain to continue"
                            + " from the stored records", e);
                }
                throw e;
            }
            return null;
        });
        lastSeq = seq;
        lastRowHash = rowHash;
    }

    /**
     * All or none, in one transaction: the records take the next seqs, each linked to the one before; if another
     * writer appended since this journal last read or wrote, the first insert collides and nothing is written.
     */
    @Override
    public synchronized void appendAll(List<byte[]> records) {
        List<String> texts = new ArrayList<>(records.size());
        records.forEach(r -> texts.add(requireValid(r)));
        if (texts.isEmpty()) {
            return;
        }
        if (!read) {
            readAll();
        }
        long first = lastSeq + 1;
        byte[][] rowHashes = new byte[records.size()][];
        byte[] previous = lastRowHash;
        for (int i = 0; i < rowHashes.length; i++) {
            previous = rowHashes[i] = sha256(previous, records.get(i));
        }
        long last = first + records.size() - 1;
        sql.inTransaction("appending records " + first + ".." + last + " to the chain journal of case " + caseId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (case_id, seq, record, record_sha256, row_hash) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rowHashes.length; i++) {
                    ps.setString(1, caseId);
                    ps.setLong(2, first + i);
                    ps.setString(3, texts.get(i));
                    ps.setString(4, HEX.formatHex(sha256(records.get(i))));
                    ps.setString(5, HEX.formatHex(rowHashes[i]));
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    throw new StoreException("cannot append records " + first + ".." + last + " to the chain journal of"
                            + " case " + caseId + ": another writer appended to it first (two processes are writing this"
                            + " case); nothing was written, so the journal is not forked: reopen the chain to continue"
                            + " from the stored records", e);
                }
                throw e;
            }
            return null;
        });
        lastSeq = last;
        lastRowHash = rowHashes[rowHashes.length - 1];
    }

    /** Whether {@code e}, or an exception chained to it (a batch's), is a primary-key collision. */
    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (DUPLICATE_KEY.equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized List<byte[]> readAll() {
        List<byte[]> out = new ArrayList<>();
        byte[][] tail = {genesis()};
        long[] seqs = {0};
        sql.inTransaction("reading the chain journal of case " + caseId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, record, record_sha256, row_hash FROM " + TABLE
                    + " WHERE case_id = ? ORDER BY seq")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        byte[] record = rs.getString(2).getBytes(StandardCharsets.UTF_8);
                        tail[0] = check(seqs[0] + 1, seq, record, rs.getString(3), rs.getString(4), tail[0]);
                        seqs[0] = seq;
                        out.add(record);
                    }
                }
            }
            return null;
        });
        lastSeq = seqs[0];
        lastRowHash = tail[0];
        read = true;
        return out;
    }

    /** Checks one row against the previous row's hash; returns its row hash. */
    private byte[] check(long expectedSeq, long seq, byte[] record, String recordSha, String rowHash, byte[] previous) {
        if (seq != expectedSeq) {
            throw new CorruptRowException(TABLE, key(expectedSeq), seq > expectedSeq
                    ? "the row is missing (the next stored row is seq " + seq + "): a row was deleted"
                    : "a row with seq " + seq + " stands before it: seqs start at 1 without gaps, a row was inserted");
        }
        String computedRecord = HEX.formatHex(sha256(record));
        if (!computedRecord.equals(recordSha)) {
            throw new CorruptRowException(TABLE, key(seq), "the record's SHA-256 is " + computedRecord + " but the row"
                    + " says " + recordSha + ": the record was edited after it was written");
        }
        byte[] computedRow = sha256(previous, record);
        if (!HEX.formatHex(computedRow).equals(rowHash)) {
            throw new CorruptRowException(TABLE, key(seq), "the row hash linking it to the previous row is "
                    + HEX.formatHex(computedRow) + " but the row says " + rowHash + ": this row or one before it was"
                    + " edited, inserted or removed");
        }
        if (record.length > MAX_RECORD_BYTES || contains(record, '\n') || contains(record, '\r')) {
            throw new CorruptRowException(TABLE, key(seq), "the record is not a single line of at most "
                    + MAX_RECORD_BYTES + " bytes, so it was never appended through a journal");
        }
        return computedRow;
    }

    private String key(long seq) {
        return "case " + caseId + " seq " + seq;
    }

    /** The "previous row hash" of seq 1: SHA-256 of the case id, so a row copied from another case breaks. */
    private byte[] genesis() {
        return sha256(caseId.getBytes(StandardCharsets.UTF_8));
    }

    private String requireValid(byte[] record) {
        if (record == null) {
            throw new NullPointerException("record");
        }
        if (record.length > MAX_RECORD_BYTES) {
            throw new StoreException("chain journal record of " + record.length + " bytes for case " + caseId
                    + " exceeds the limit of " + MAX_RECORD_BYTES);
        }
        if (contains(record, '\n') || contains(record, '\r') || contains(record, '\0')) {
            throw new StoreException("chain journal records must be single lines without NUL characters (case "
                    + caseId + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(record)).toString();
        } catch (CharacterCodingException e) {
            throw new StoreException("chain journal record for case " + caseId + " is not valid UTF-8 text", e);
        }
    }

    private static boolean contains(byte[] bytes, char c) {
        for (byte b : bytes) {
            if (b == c) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
