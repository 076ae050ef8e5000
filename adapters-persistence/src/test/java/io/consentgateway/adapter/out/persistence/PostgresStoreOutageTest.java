package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.TestDatabase;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link StoreOutageTests} on PostgreSQL, and the server ending the very connection a transaction is using. */
class PostgresStoreOutageTest extends StoreOutageTests {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    protected DataSource unreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[] {"localhost"});
        nowhere.setPortNumbers(new int[] {1});
        nowhere.setConnectTimeout(2);
        return nowhere;
    }

    @Test
    void aConnectionTheServerEndsInTheMiddleOfATransactionIsStoreUnavailableAndTheTransactionWritesNothing() {
        Flow flow = awaitingFlow(ALICE, T0);
        Consent consent = ongoingConsent(ALICE, T0);

        Throwable failure = catchThrowable(() -> adapter.unitOfWork().inTransaction(() -> {
            adapter.flows().save(flow);
            terminate(dataSource.lastConnection()); // as an administrator's pg_terminate_backend or a failover does
            return adapter.consents().save(consent);
        }));

        assertThat(failure).isInstanceOf(StoreUnavailable.class);
        assertThat(adapter.flows().findById(flow.id())).as("rolled back with the connection").isEmpty();
        assertThat(adapter.consents().findById(consent.id())).isEmpty();
    }

    private void terminate(Connection connection) {
        var server = ((TestDatabase.Postgres) database).server();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(" + connection.unwrap(PGConnection.class).getBackendPID() + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the connection", e);
        }
    }
}
