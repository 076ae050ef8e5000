package io.consentgateway.adapter.out.persistence;

import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the adapter runs on. The schema and almost every statement are shared; only
 * {@link JdbiConsents#claimDue claiming due consents} differs (see docs/adr/0004-refresh-locking-and-claims.md).
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
}
