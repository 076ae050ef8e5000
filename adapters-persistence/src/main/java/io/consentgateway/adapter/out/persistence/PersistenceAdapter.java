package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.adapter.out.persistence.crypto.SecretCipher;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.RefreshJournal;
import io.consentgateway.application.port.out.UnitOfWork;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * The persistence adapter's entry point: builds the one {@link Jdbi} over the given data source and the port
 * implementations that share it. Create it once per application (bootstrap: an application-scoped CDI producer),
 * after {@link DatabaseMigrations#migrate(DataSource)}.
 *
 * <pre>{@code
 * DatabaseMigrations.migrate(dataSource);
 * PersistenceAdapter persistence = PersistenceAdapter.create(dataSource,
 *         KeyRing.fromConfiguration(currentKeyId, keys));
 * Flows flows = persistence.flows();  Consents consents = persistence.consents();
 * UnitOfWork unitOfWork = persistence.unitOfWork();  AccountDataStore accountData = persistence.accountData();
 * }</pre>
 * They share the thread-bound transaction, so they must come from the same instance.
 */
public final class PersistenceAdapter {
    private final Flows flows;
    private final Consents consents;
    private final UnitOfWork unitOfWork;
    private final RefreshJournal refreshJournal;
    private final AccountDataStore accountData;
    private final EventOutbox eventOutbox;

    private final KeyRotation keyRotation;

    private PersistenceAdapter(Database database, KeyRing keys, String node) {
        SecretCipher cipher = new SecretCipher(keys);
        this.flows = new JdbiFlows(database, cipher);
        this.consents = new JdbiConsents(database, cipher, node);
        this.unitOfWork = new JdbiUnitOfWork(database);
        this.refreshJournal = new JdbiRefreshJournal(database, node);
        this.accountData = new JdbiAccountDataStore(database, new SealedPayloads(cipher));
        this.eventOutbox = new JdbiEventOutbox(database, node);
        this.keyRotation = new KeyRotation(database, keys);
    }

    /**
     * @param dataSource PostgreSQL, or H2 in PostgreSQL mode ({@code MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;
     *                   DEFAULT_NULL_ORDERING=HIGH}); the dialect is detected from the connection
     * @param keys       the keys that encrypt tokens, PKCE verifiers, states and the stored account data at rest
     */
    public static PersistenceAdapter create(DataSource dataSource, KeyRing keys) {
        return create(dataSource, keys, "node-" + java.util.UUID.randomUUID());
    }

    /**
     * @param node this node's name (at most 64 characters), written with every claim lease it takes: a save by another
     *             node (a user's read there) leaves the lease alone, so no other node claims the consent meanwhile
     */
    public static PersistenceAdapter create(DataSource dataSource, KeyRing keys, String node) {
        Objects.requireNonNull(dataSource, "data source");
        Objects.requireNonNull(keys, "key ring");
        if (node == null || node.isBlank() || node.length() > 64) {
            throw new IllegalArgumentException("a node name has 1 to 64 characters");
        }
        return new PersistenceAdapter(new Database(Jdbi.create(dataSource)), keys, node);
    }

    public Flows flows() {
        return flows;
    }

    public Consents consents() {
        return consents;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public RefreshJournal refreshJournal() {
        return refreshJournal;
    }

    /** The stored accounts, transactions and income reports of the consents; shares the thread's transaction. */
    public AccountDataStore accountData() {
        return accountData;
    }

    /** The transactional outbox of the webhook events; records in the thread's transaction. */
    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    /** Moves what is stored under an older key of the ring onto the current one (docs/operations/database.md). */
    public KeyRotation keyRotation() {
        return keyRotation;
    }
}
