package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.application.testing.InMemoryConsents;
import io.consentgateway.application.testing.InMemoryTransactions;

/** The consents contract against the in-memory fake the use-case tests rely on. */
class InMemoryConsentsContractTest extends ConsentsContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryConsents consents = new InMemoryConsents(transactions);

    @Override
    protected Consents consents() {
        return consents;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
