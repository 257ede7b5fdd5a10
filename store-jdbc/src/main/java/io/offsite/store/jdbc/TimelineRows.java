package io.offsite.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import io.offsite.cases.CaseState;
import io.offsite.cases.TimelineEntry;
import io.offsite.core.grid.OfficerId;
import io.offsite.core.internal.json.StrictJson;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The case_timeline table: entries are inserted, read back in order, and never updated or deleted. */
final class TimelineRows {
    static final String TABLE = "case_timeline";
    private static final String COLUMNS = "case_id, seq, command_id, action, from_state, to_state, at_instant,"
            + " event_date, actors, reason, attachments";

    private final StrictJson json = StrictJson.builder().maxNestingDepth(4).maxStringChars(100_000)
            .maxDocumentChars(200_000).build();

    /** Inserts {@code entries[from..]} of {@code caseId}. */
    void insert(Connection c, String caseId, List<TimelineEntry> entries, int from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TimelineEntry e : entries.subList(from, entries.size())) {
                ps.setString(1, caseId);
                ps.setInt(2, e.seq());
                ps.setString(3, e.commandId());
                ps.setString(4, e.action());
                ps.setString(5, e.from().name());
                ps.setString(6, e.to().name());
                ps.setString(7, e.at().toString());
                ps.setObject(8, e.eventDate());
                ps.setString(9, list(e.actors().stream().map(OfficerId::value).toList()));
                ps.setString(10, e.reason());
                ps.setString(11, list(e.attachments()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The first {@code count} entries of {@code caseId}, oldest first; fails when one is missing or corrupt. */
    List<TimelineEntry> read(Connection c, String caseId, int count) throws SQLException {
        List<TimelineEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE case_id = ? AND seq < ? ORDER BY seq")) {
            ps.setString(1, caseId);
            ps.setInt(2, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs, caseId));
                }
            }
        }
        if (out.size() != count) {
            throw new CorruptRowException(JdbcCaseStore.TABLE, caseId, "the case has " + count
                    + " timeline entries but " + TABLE + " holds " + out.size() + " of them");
        }
        return out;
    }

    /** The newest entry of {@code caseId}, or null when there is none or it does not decode (for messages only). */
    TimelineEntry lastOrNull(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE case_id = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? entry(rs, caseId) : null;
            }
        } catch (CorruptRowException e) {
            return null;
        }
    }

    private TimelineEntry entry(ResultSet rs, String caseId) throws SQLException {
        int seq = rs.getInt("seq");
        String key = "case " + caseId + " seq " + seq;
        try {
            List<OfficerId> actors = strings(rs.getString("actors"), "actors").stream().map(OfficerId::new).toList();
            return new TimelineEntry(seq, rs.getString("command_id"), rs.getString("action"),
                    CaseState.valueOf(rs.getString("from_state")), CaseState.valueOf(rs.getString("to_state")),
                    Instant.parse(rs.getString("at_instant")), rs.getObject("event_date", LocalDate.class), actors,
                    rs.getString("reason"), strings(rs.getString("attachments"), "attachments"));
        } catch (RuntimeException e) {
            throw new CorruptRowException(TABLE, key, "the entry does not decode: " + e.getMessage(), e);
        }
    }

    private String list(List<String> values) {
        try {
            return json.mapper().writeValueAsString(values);
        } catch (IOException e) { // Jackson's JsonProcessingException; a list of strings always writes
            throw new StoreException("cannot write a timeline list as JSON: " + e.getMessage(), e);
        }
    }

    private List<String> strings(String text, String column) {
        JsonNode node;
        try {
            node = json.read(text);
        } catch (StrictJson.Malformed e) {
            throw new IllegalArgumentException(column + " is not a JSON array of strings" + e.atLineColumn() + ": "
                    + e.reason(), e);
        }
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(column + " is not a JSON array of strings: " + text);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(column + " holds a " + v.getNodeType() + ", not a string: " + text);
            }
            out.add(v.textValue());
        }
        return out;
    }
}
