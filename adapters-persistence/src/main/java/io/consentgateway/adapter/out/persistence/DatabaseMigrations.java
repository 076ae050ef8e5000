package io.consentgateway.adapter.out.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration} (one set of scripts for
 * PostgreSQL and H2 in PostgreSQL mode). Call it once at start-up, before the repositories are used, and never
 * per request: schema work belongs to start-up only.
 *
 * <p>The migrations run in the data source's default schema (PostgreSQL: the first schema of the
 * {@code search_path}, i.e. {@code currentSchema} when the URL or data source sets one). Flyway takes an
 * advisory lock on PostgreSQL, so several nodes starting at once migrate only once.
 */
public final class DatabaseMigrations {
    /**
     * Where the scripts live on the class path. The folder holds an empty {@code flyway.location} file: application
     * servers (Liberty, WebSphere) resolve a class-path folder only through a file in it, and Flyway still probes
     * the location (and its default {@code db/callback}, which holds only such a file) for callbacks even though
     * {@link ListedMigrations} hands it the scripts.
     */
    public static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /**
     * Applies the pending migrations.
     *
     * @return the number of migrations applied now (0 when the schema was current)
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, "latest");
    }

    /** Applies the pending migrations up to a version ({@code "latest"} for all): for the tests of one migration. */
    static int migrate(DataSource dataSource, String targetVersion) {
        Objects.requireNonNull(dataSource, "data source");
        MigrateResult result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .target(targetVersion)
                .dataSource(dataSource)
                .locations(LOCATION)
                .callbackLocations(LOCATION)
                .resourceProvider(new ListedMigrations(DatabaseMigrations.class.getClassLoader()))
                .javaMigrationClassProvider(List::of)
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
