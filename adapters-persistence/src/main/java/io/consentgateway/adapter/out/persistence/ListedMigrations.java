package io.consentgateway.adapter.out.persistence;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Hands Flyway the migration scripts by name instead of letting it scan the class path. Application servers
 * serve class-path resources through their own URL schemes (Liberty's loose and expanded WARs among them), which
 * Flyway's scanner cannot list; reading a named resource works everywhere. {@code DatabaseMigrationsTest}
 * checks that {@link #SCRIPTS} names every file in {@code db/migration}, so a new script cannot be forgotten.
 */
final class ListedMigrations implements ResourceProvider {
    static final String DIRECTORY = "db/migration/";
    /** Every migration script, in order. Add a new script here too. */
    static final List<String> SCRIPTS = List.of("V1__flows_and_consents.sql", "V2__provider_options.sql",
            "V3__consent_endings.sql", "V4__flow_confirmation.sql",
            "V5__lease_holder.sql", "V6__refresh_journal.sql", "V7__exchange_deadline.sql",
            "V8__account_data.sql", "V9__webhook_outbox.sql", "V10__flows_by_user.sql",
            "V11__webhook_events_by_time.sql");

    private final ClassLoader classLoader;

    ListedMigrations(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(DIRECTORY) ? name.substring(DIRECTORY.length()) : name;
        return SCRIPTS.contains(file) ? new Script(file, load(file)) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return SCRIPTS.stream()
                .filter(file -> file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
                .map(file -> (LoadableResource) new Script(file, load(file)))
                .toList();
    }

    private String load(String file) {
        try (InputStream in = classLoader.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + DIRECTORY + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + file, e);
        }
    }

    private static final class Script extends LoadableResource {
        private final String file;
        private final String sql;

        Script(String file, String sql) {
            this.file = file;
            this.sql = sql;
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return DIRECTORY + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return DIRECTORY + file;
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
