package io.offsite.store.jdbc;

import java.sql.ResultSet;
import java.sql.Statement;

/** The check that a database keeps text as Unicode, for stores whose rows are hashed or hold Chinese names. */
final class Utf8Database {
    private Utf8Database() {
    }

    /** Refuses a PostgreSQL database whose encoding is not UTF8 (H2 always stores Unicode). */
    static void require(OffsiteDatabase db, String store) {
        if (db.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        String encoding = db.sql().inTransaction("reading the database encoding", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_encoding")) {
                return rs.next() ? rs.getString(1) : "";
            }
        });
        if (!"UTF8".equalsIgnoreCase(encoding)) {
            throw new StoreException(store + " needs a UTF8 database, but this PostgreSQL database's encoding is "
                    + encoding + ": create the database with ENCODING 'UTF8'");
        }
    }
}
