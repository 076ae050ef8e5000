package io.consentgateway.adapter.out.persistence.testing;

import io.consentgateway.adapter.out.persistence.DatabaseMigrations;
import io.consentgateway.adapter.out.persistence.PersistenceAdapter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * A migrated private database and one {@link PersistenceAdapter} over it for a test class, emptied before each
 * test. Register as a static field:
 * <pre>{@code @RegisterExtension static final AdapterExtension db = AdapterExtension.postgres();}</pre>
 */
public final class AdapterExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<TestDatabase> factory;
    private TestDatabase database;
    private PersistenceAdapter adapter;

    private AdapterExtension(Supplier<TestDatabase> factory) {
        this.factory = factory;
    }

    public static AdapterExtension h2() {
        return new AdapterExtension(TestDatabase::h2);
    }

    public static AdapterExtension postgres() {
        return new AdapterExtension(TestDatabase::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = factory.get();
        DatabaseMigrations.migrate(database.dataSource());
        adapter = PersistenceAdapter.create(database.dataSource(), TestKeys.ring());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.deleteAllRows();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    public PersistenceAdapter adapter() {
        return adapter;
    }

    public TestDatabase database() {
        return database;
    }
}
