package io.offsite.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Transactions and error mapping shared by the stores: every store call is one transaction. */
final class Sql {
    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in one transaction and commits; rolls back and throws a {@link StoreException} naming
     * {@code what} when anything fails. A {@link StoreException} thrown by the work itself is rethrown as is
     * after the rollback.
     */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                restore(c, auto);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The store exception for a failed {@code what}: names the operation, the SQLState and what it usually means. */
    static StoreException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new StoreException(what + " failed: " + meaning(state) + " (SQLState " + (state.isEmpty() ? "none" : state)
                + ", " + e.getMessage() + ")", e);
    }

    private static String meaning(String state) {
        if (state.startsWith("08")) {
            return "the database cannot be reached";
        }
        if (state.startsWith("53") || state.equals("90100")) { // 90100: H2 "no disk space available"
            return "the database is out of resources (disk full, out of memory or too many connections)";
        }
        if (state.startsWith("23")) {
            return "a constraint refused the write";
        }
        if (state.startsWith("40")) {
            return "the transaction was rolled back by the database (serialization failure or deadlock)";
        }
        if (state.startsWith("42")) {
            return "the statement does not fit the database's schema";
        }
        if (state.startsWith("57") || state.equals("90098")) {
            return "the database is shutting down or was closed";
        }
        return "the database refused the statement";
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // the connection is going back to the pool or being closed; a broken one is discarded there
        }
    }
}
