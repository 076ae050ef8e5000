package io.consentgateway.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The database of the gateway under test, for what no API shows or changes: moving a consent's stored times into the
 * past (time travel, where a test cannot wait hours), counting a user's rows, and a full dump. It is the server's own
 * database: H2 opened with {@code AUTO_SERVER} (the IT server opens it so too), or PostgreSQL where the run names one
 * ({@code it.jdbc.url}, {@code it.jdbc.user}, {@code it.jdbc.password}).
 */
public final class GatewayDatabase {
    private static final String URL = System.getProperty("it.jdbc.url");
    private static final String USER = System.getProperty("it.jdbc.user", "sa");
    private static final String PASSWORD = System.getProperty("it.jdbc.password", "");

    private GatewayDatabase() {
    }

    public static boolean isPostgres() {
        return URL.startsWith("jdbc:postgresql:");
    }

    /** Runs an update with the parameters bound in order; answers the rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query (a count, a time). */
    public static Object single(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    public static long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    /** Moves timestamp columns of one consent's row back by {@code by} (those that are set). */
    public static void moveBack(String table, UUID consentId, Duration by, String... columns) {
        String key = table.equals("consents") ? "id" : "consent_id";
        for (String column : columns) {
            try (Connection connection = connect();
                 PreparedStatement read = connection.prepareStatement("SELECT " + column + " FROM " + table + " WHERE " + key + " = ?")) {
                read.setObject(1, consentId);
                OffsetDateTime stored;
                try (ResultSet rows = read.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no row of consent " + consentId + " in " + table);
                    }
                    stored = rows.getObject(1, OffsetDateTime.class);
                }
                if (stored != null) {
                    try (PreparedStatement write = connection.prepareStatement(
                            "UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?")) {
                        write.setObject(1, stored.minus(by));
                        write.setObject(2, consentId);
                        write.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not move " + table + "." + column + " back: " + e.getMessage(), e);
            }
        }
    }

    /** Sets a timestamp column of one consent's row. */
    public static void set(String table, String column, UUID consentId, Instant value) {
        update("UPDATE " + table + " SET " + column + " = ? WHERE " + (table.equals("consents") ? "id" : "consent_id")
                + " = ?", value.atOffset(ZoneOffset.UTC), consentId);
    }

    /**
     * Waits for the consent's first sync (made at completion, beside the redirect), then deletes what it stored: for a
     * test of the provider path, where a read finds nothing stored and must reach the provider.
     */
    public static void forgetStoredData(String consentId) {
        UUID id = UUID.fromString(consentId);
        awaitFirstSync(id);
        for (String table : new String[] {"stored_transactions", "stored_accounts", "background_syncs", "consent_data"}) {
            update("DELETE FROM " + table + " WHERE consent_id = ?", id);
        }
    }

    /** Waits for the consent's first sync, then makes its data older than the max age: the next read syncs. */
    public static void makeStale(String consentId) {
        UUID id = UUID.fromString(consentId);
        awaitFirstSync(id);
        moveBack("consent_data", id, Duration.ofHours(1), "synced_at");
    }

    /** Waits until the consent's first sync, made at its completion beside the redirect, is stored. */
    public static void awaitFirstSync(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count("SELECT COUNT(*) FROM consent_data WHERE consent_id = ? AND synced_at IS NOT NULL", id) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consent " + id + " was not synced within 30 s of its completion");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The database as text: PostgreSQL's {@code pg_dump} of everything; on H2, {@code SCRIPT} of every table but the
     * stored accounts and transactions (rows keyed by consent, whose count the tests check; scripting the history of
     * every test's consents takes half a minute).
     */
    public static String dump() {
        if (!isPostgres()) {
            StringBuilder script = new StringBuilder();
            try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(
                    "SCRIPT TABLE flows, consents, refresh_journal, consent_data, background_syncs")) {
                while (rows.next()) {
                    script.append(rows.getString(1)).append('\n');
                }
                return script.toString();
            } catch (SQLException e) {
                throw new IllegalStateException("could not dump the H2 database: " + e.getMessage(), e);
            }
        }
        URI db = URI.create(URL.substring("jdbc:".length()));
        ProcessBuilder pgDump = new ProcessBuilder("pg_dump", "--data-only", "-h", db.getHost(),
                "-p", String.valueOf(db.getPort() < 0 ? 5432 : db.getPort()), "-U", USER, db.getPath().substring(1));
        pgDump.environment().put("PGPASSWORD", PASSWORD);
        pgDump.redirectErrorStream(true);
        try {
            Process process = pgDump.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not run pg_dump", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Connection connect() throws SQLException {
        if (URL == null) {
            throw new IllegalStateException("it.jdbc.url is not set: the build names the IT server's database");
        }
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
