package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.OutageDataSource;
import io.consentgateway.adapter.out.persistence.testing.TestDatabase;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The database going away is the port's {@link StoreUnavailable}, whatever the driver or the server said, and it
 * writes nothing: the application answers "try again" instead of an internal error, and the caller may.
 */
abstract class StoreOutageTests {
    protected TestDatabase database;
    protected OutageDataSource dataSource;
    protected PersistenceAdapter adapter;

    protected abstract TestDatabase newDatabase();

    /** The same driver, pointed at a port where no server listens. */
    protected abstract DataSource unreachable();

    @BeforeEach
    void migratedDatabase() {
        database = newDatabase();
        DatabaseMigrations.migrate(database.dataSource());
        dataSource = new OutageDataSource(database.dataSource(), unreachable());
        adapter = PersistenceAdapter.create(dataSource, TestKeys.ring());
    }

    @AfterEach
    void dropDatabase() {
        dataSource.comeBack();
        database.close();
    }

    @Test
    void aDatabaseThatTakesNoConnectionIsStoreUnavailableNamingNoHost() {
        Flow flow = awaitingFlow(ALICE, T0);
        dataSource.goAway();

        Throwable alone = catchThrowable(() -> adapter.flows().save(flow));
        Throwable inTransaction = catchThrowable(() -> adapter.unitOfWork().inTransaction(() -> adapter.flows().save(flow)));
        Throwable read = catchThrowable(() -> adapter.consents().findById(ongoingConsent(ALICE, T0).id()));

        for (Throwable failure : new Throwable[] {alone, inTransaction, read}) {
            assertThat(failure).isInstanceOf(StoreUnavailable.class);
            assertThat(failure.getMessage()).contains("nothing was written").doesNotContain("localhost").doesNotContain(":1");
        }
        dataSource.comeBack();
        assertThat(adapter.flows().findById(flow.id())).as("nothing was written").isEmpty();
        adapter.flows().save(flow);
        assertThat(adapter.flows().findById(flow.id())).as("back").isPresent();
    }

    @Test
    void aConsentSavedWhileTheDatabaseIsAwayIsNotSavedAndCanBeSavedAgainLater() {
        Consent consent = ongoingConsent(ALICE, T0);
        dataSource.goAway();

        assertThat(catchThrowable(() -> adapter.consents().save(consent))).isInstanceOf(StoreUnavailable.class);

        dataSource.comeBack();
        assertThat(adapter.consents().findById(consent.id())).isEmpty();
        adapter.consents().save(consent);
        assertThat(adapter.consents().findById(consent.id())).isPresent();
    }
}
