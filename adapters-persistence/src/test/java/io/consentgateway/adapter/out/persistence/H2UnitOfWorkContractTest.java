package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.application.port.out.contract.TransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transactions contract on H2 in PostgreSQL mode. */
class H2TransactionsContractTest extends TransactionsContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected Transactions transactions() {
        return db.adapter().transactions();
    }

    @Override
    protected Consents consents() {
        return db.adapter().consents();
    }
}
