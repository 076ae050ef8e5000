package io.consentgateway.adapter.out.persistence.testing;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A private, empty database for one test class: an H2 in-memory database with a unique name, or a PostgreSQL
 * schema with a random name (the data source sets {@code currentSchema}, so parallel runs never meet). The
 * schema is dropped on {@link #close()}.
 */
public abstract class TestDatabase implements AutoCloseable {
    /** The H2 settings production uses too, plus a lock timeout long enough for the lock tests. */
    public static final String H2_SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";

    public abstract DataSource dataSource();

    /** "h2" or "postgresql". */
    public abstract String kind();

    /** Empties every table the adapter writes (keeps the schema and Flyway's history). */
    public void deleteAllRows() {
        execute("DELETE FROM flows", "DELETE FROM consents", "DELETE FROM refresh_journal", "DELETE FROM consent_data",
                "DELETE FROM background_syncs", "DELETE FROM stored_accounts", "DELETE FROM stored_transactions",
                "DELETE FROM webhook_deliveries", "DELETE FROM webhook_events");
    }

    public void execute(String... statements) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed", e);
        }
    }

    @Override
    public abstract void close();

    public static TestDatabase h2() {
        return new H2();
    }

    public static TestDatabase postgres() {
        return new Postgres(PostgresServer.coordinates());
    }

    static String randomSuffix() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static final class H2 extends TestDatabase {
        private final JdbcDataSource dataSource = new JdbcDataSource();

        H2() {
            dataSource.setURL("jdbc:h2:mem:cg_test_" + randomSuffix() + H2_SETTINGS);
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public String kind() {
            return "h2";
        }

        @Override
        public void close() {
            execute("SHUTDOWN");
        }
    }

    /** One schema on the shared server. */
    public static final class Postgres extends TestDatabase {
        private final PostgresServer.Coordinates server;
        private final String schema = "cg_test_" + randomSuffix();
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        Postgres(PostgresServer.Coordinates server) {
            this.server = server;
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test schema on " + server, e);
            }
            dataSource.setURL(server.jdbcUrl());
            dataSource.setUser(server.user());
            dataSource.setPassword(server.password());
            dataSource.setCurrentSchema(schema);
        }

        public String schema() {
            return schema;
        }

        public PostgresServer.Coordinates server() {
            return server;
        }

        @Override
        public DataSource dataSource() {
            return dataSource;
        }

        @Override
        public String kind() {
            return "postgresql";
        }

        @Override
        public void close() {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
