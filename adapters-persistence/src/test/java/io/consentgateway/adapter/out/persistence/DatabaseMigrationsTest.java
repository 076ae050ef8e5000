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
            assertThat(DatabaseMigrations.migrate(database.dataSource())).isEqualTo(1);
            assertThat(DatabaseMigrations.migrate(database.dataSource())).isZero();

            List<String> tables = Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery(
                            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                    + " ORDER BY table_name")
                    .mapTo(String.class).list());
            assertThat(tables).contains("consents", "flows", "flyway_schema_history");
        }
    }

    @Test
    void everyScriptInTheMigrationDirectoryIsListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .sorted().toList();
            assertThat(ListedMigrations.SCRIPTS).containsExactlyElementsOf(onDisk);
        }
    }
}
