package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMigrationsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void firstStartCreatesTheSchemaAndLaterStartsApplyNothing(String kind) {
        Supplier<TestDatabase> factory = kind.equals("h2") ? TestDatabase::h2 : TestDatabase::postgres;
        try (TestDatabase database = factory.get()) {
            assertThat(DatabaseMigrations.migrate(database.dataSource())).isEqualTo(ListedMigrations.SCRIPTS.size());
            assertThat(DatabaseMigrations.migrate(database.dataSource())).isZero();

            List<String> tables = Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                    + " ORDER BY table_name")
                    .mapTo(String.class).list());
            assertThat(tables).contains("consents", "flows", "flyway_schema_history", "refresh_journal", "consent_data",
                    "background_syncs", "stored_accounts", "stored_transactions");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void version2MovesTheOldNrichOptionColumnsIntoProviderOptionsUnderTheAdaptersNames(String kind) {
        Supplier<TestDatabase> factory = kind.equals("h2") ? TestDatabase::h2 : TestDatabase::postgres;
        try (TestDatabase database = factory.get()) {
            DatabaseMigrations.migrate(database.dataSource(), "1");
            Jdbi jdbi = Jdbi.create(database.dataSource());
            String insert = """
                    INSERT INTO flows (id, user_id, provider, kind, state_hash, state_enc, redirect_uri, language, accounts,
                      account_types, allow_multi_selection, sync_period_days, tracking_id, bank_id, save_secrets, widget_url,
                      status, created_at, expires_at, version)
                    VALUES (:id, 'alice', 'nrich', 'ONGOING_ACCESS', :hash, 'v1.x.y', 'http://localhost:9080/callback', 'de', '',
                      :types, :multi, 90, :tracking, :bank, :secrets, 'https://widget.example/1', 'AWAITING_USER',
                      TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00', 1)""";
            java.util.UUID full = java.util.UUID.randomUUID();
            java.util.UUID plain = java.util.UUID.randomUUID();
            jdbi.useHandle(h -> {
                h.createUpdate(insert).bind("id", full).bind("hash", "a".repeat(64))
                        .bind("types", Columns.list(List.of("Giro account", "savings, joint")))
                        .bind("multi", false).bind("tracking", "t-1&x=100%+y").bind("bank", "bank=7").bind("secrets", true)
                        .execute();
                h.createUpdate(insert).bind("id", plain).bind("hash", "b".repeat(64)).bind("types", "")
                        .bind("multi", true).bindNull("tracking", java.sql.Types.VARCHAR)
                        .bindNull("bank", java.sql.Types.VARCHAR).bind("secrets", false).execute();
            });

            DatabaseMigrations.migrate(database.dataSource());

            String fullColumn = jdbi.withHandle(h -> h.createQuery("SELECT provider_options FROM flows WHERE id = :id")
                    .bind("id", full).mapTo(String.class).one());
            var fullOptions = Columns.options(fullColumn);
            assertThat(fullOptions.texts("accountTypes")).containsExactly("Giro account", "savings, joint");
            assertThat(fullOptions.flag("allowMultiSelection")).contains(false);
            assertThat(fullOptions.text("trackingId")).contains("t-1&x=100%+y");
            assertThat(fullOptions.text("providerId")).contains("bank=7");
            assertThat(fullOptions.flag("saveSecrets")).contains(true);
            String plainColumn = jdbi.withHandle(h -> h.createQuery("SELECT provider_options FROM flows WHERE id = :id")
                    .bind("id", plain).mapTo(String.class).one());
            assertThat(plainColumn).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void version3DestroysTheTokensOfExpiredConsentsAndGivesReauthorizationAReasonAndAnEnd(String kind) {
        Supplier<TestDatabase> factory = kind.equals("h2") ? TestDatabase::h2 : TestDatabase::postgres;
        try (TestDatabase database = factory.get()) {
            DatabaseMigrations.migrate(database.dataSource(), "2");
            Jdbi jdbi = Jdbi.create(database.dataSource());
            String insert = """
                    INSERT INTO consents (id, user_id, provider, kind, status, access_token_enc, refresh_token_enc, token_type,
                      scope, tokens_issued_at, access_expires_at, granted_at, last_user_activity_at, expires_at, version)
                    VALUES (:id, 'alice', 'nrich', 'ONGOING_ACCESS', :status, 'v1.k.access', 'v1.k.refresh', 'Bearer', 'offline',
                      TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00',
                      TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 08:00:00+00',
                      TIMESTAMP WITH TIME ZONE '2026-05-31 08:00:00+00', 1)""";
            java.util.UUID expired = java.util.UUID.randomUUID();
            java.util.UUID reauth = java.util.UUID.randomUUID();
            java.util.UUID active = java.util.UUID.randomUUID();
            jdbi.useHandle(h -> {
                h.createUpdate(insert).bind("id", expired).bind("status", "EXPIRED").execute();
                h.createUpdate(insert).bind("id", reauth).bind("status", "REAUTH_REQUIRED").execute();
                h.createUpdate(insert).bind("id", active).bind("status", "ACTIVE").execute();
            });

            DatabaseMigrations.migrate(database.dataSource());

            var rows = jdbi.withHandle(h -> h.createQuery(
                            "SELECT id, access_token_enc, refresh_token_enc, reauthorization_reason, next_check_at FROM consents")
                    .mapToMap().list());
            var byId = rows.stream().collect(java.util.stream.Collectors.toMap(r -> r.get("id").toString(), r -> r));
            assertThat(byId.get(expired.toString())).containsEntry("access_token_enc", null)
                    .containsEntry("refresh_token_enc", null).containsEntry("reauthorization_reason", null);
            assertThat(byId.get(reauth.toString())).containsEntry("access_token_enc", "v1.k.access")
                    .containsEntry("reauthorization_reason", "REFRESH_REJECTED");
            assertThat(byId.get(reauth.toString()).get("next_check_at")).as("looked at again at its end").isNotNull();
            assertThat(byId.get(active.toString())).containsEntry("access_token_enc", "v1.k.access")
                    .containsEntry("reauthorization_reason", null);
            // The database refuses what the domain forbids.
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbi.useHandle(h -> h.execute(
                    "UPDATE consents SET access_token_enc = 'v1.k.again' WHERE id = ?", expired))))
                    .as("an expired consent holds no tokens").isNotNull();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbi.useHandle(h -> h.execute(
                    "UPDATE consents SET reauthorization_reason = NULL WHERE id = ?", reauth))))
                    .as("re-authorization has a reason").isNotNull();
        }
    }

    @Test
    void everyScriptInTheMigrationDirectoryIsListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".sql")).toList();
            assertThat(ListedMigrations.SCRIPTS).containsExactlyInAnyOrderElementsOf(onDisk);
            assertThat(ListedMigrations.SCRIPTS).as("in version order (V10 after V9, unlike the names' order)")
                    .isSortedAccordingTo(java.util.Comparator.comparingInt(
                            name -> Integer.parseInt(name.substring(1, name.indexOf("__")))));
        }
    }
}
