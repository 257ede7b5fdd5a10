package io.offsite.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** A data source that can be made to fail like a database that went down (SQLState 08006), and come back. */
final class SwitchableDataSource implements DataSource {
    private final DataSource target;
    private volatile boolean down;

    SwitchableDataSource(DataSource target) {
        this.target = target;
    }

    void down(boolean d) {
        this.down = d;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLException("connection refused (test: database down)", "08006");
        }
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
