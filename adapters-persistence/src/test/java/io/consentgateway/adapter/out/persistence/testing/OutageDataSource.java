package io.consentgateway.adapter.out.persistence.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A data source whose database can be made to go away: until {@link #goAway} it hands out connections of the real
 * database; after it, what a real driver does when no server listens ({@code unreachable}: the same driver pointed at a
 * port nobody listens on), until {@link #comeBack}. It also remembers the last connection it handed out, for a test
 * that has the server end that very connection.
 */
public final class OutageDataSource extends ForwardingDataSource {
    private final DataSource unreachable;
    private volatile boolean away;
    private final AtomicReference<Connection> last = new AtomicReference<>();

    public OutageDataSource(DataSource database, DataSource unreachable) {
        super(database);
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
        Connection connection = (away ? unreachable : target).getConnection();
        last.set(connection);
        return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Connection connection = (away ? unreachable : target).getConnection(user, password);
        last.set(connection);
        return connection;
    }
}
