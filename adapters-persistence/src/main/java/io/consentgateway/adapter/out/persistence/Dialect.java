package io.consentgateway.adapter.out.persistence;

import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The databases the adapter runs on. The schema and almost every statement are shared; what differs is
 * {@link JdbiConsents#claimDue claiming due consents} (see docs/adr/0004-refresh-locking-and-claims.md) and the
 * {@link #upsert upsert}.
 */
enum Dialect {
    /** Production: the claim is one {@code UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING} statement. */
    POSTGRESQL,
    /** The embedded default, in PostgreSQL mode: the claim is a locking select and guarded updates in one transaction. */
    H2;

    static Dialect of(Jdbi jdbi) {
        String product;
        try {
            product = jdbi.withHandle(handle -> handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the data source connects to", e);
        }
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product + "': PostgreSQL or H2 (PostgreSQL mode) expected");
    }

    /**
     * An insert that replaces the row with the same key, if there is one. Each column is bound by a named parameter of
     * its own name ({@code :consent_id}). PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO UPDATE SET column =
     * EXCLUDED.column}; H2, which knows {@code ON CONFLICT} only as {@code DO NOTHING}: {@code MERGE INTO ... KEY (key)}.
     * Never a read followed by a write, so two nodes upserting the same key cannot both insert.
     *
     * @param key    the columns of the primary key
     * @param values the other columns, replaced when the key exists
     */
    String upsert(String table, List<String> key, List<String> values) {
        List<String> columns = Stream.concat(key.stream(), values.stream()).toList();
        String names = String.join(", ", columns);
        String parameters = columns.stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ")"
                    + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET "
                    + values.stream().map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES ("
                    + parameters + ")";
        };
    }
}
