package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.application.testing.InMemoryConsents;
import io.consentgateway.application.testing.InMemoryTransactions;

/** The transactions contract against the in-memory fake the use-case tests rely on. */
class InMemoryTransactionsContractTest extends TransactionsContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryConsents consents = new InMemoryConsents(transactions);

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected Consents consents() {
        return consents;
    }
}
