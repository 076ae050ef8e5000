package io.consentgateway.adapter.out.persistence.testing;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * A data source whose database can be made to go away: until {@link #goAway} it hands out connections of the real
 * database; after it, what a real driver does when no server listens ({@code unreachable}: the same driver pointed at a
 * port nobody listens on), until {@link #comeBack}. It also remembers the last connection it handed out, for a test
 * that has the server end that very connection.
 */
public final class OutageDataSource implements DataSource {
    private final DataSource database;
    private final DataSource unreachable;
    private volatile boolean away;
    private final AtomicReference<Connection> last = new AtomicReference<>();

    public OutageDataSource(DataSource database, DataSource unreachable) {
        this.database = database;
        this.unreachable = unreachable;
    }

    public void goAway() {
        away = true;
    }

    public void comeBack() {
        away = false;
    }

    /** The connection handed out last (the one a transaction in progress on this thread holds). */
    public Connection lastConnection() {
        return last.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = (away ? unreachable : database).getConnection();
        last.set(connection);
        return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Connection connection = (away ? unreachable : database).getConnection(user, password);
        last.set(connection);
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return database.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        database.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        database.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return database.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return database.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return database.isWrapperFor(type);
    }
}
