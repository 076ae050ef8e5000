package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.application.port.out.contract.TransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transactions contract on PostgreSQL. */
class PostgresTransactionsContractTest extends TransactionsContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected Transactions transactions() {
        return db.adapter().transactions();
    }

    @Override
    protected Consents consents() {
        return db.adapter().consents();
    }
}
