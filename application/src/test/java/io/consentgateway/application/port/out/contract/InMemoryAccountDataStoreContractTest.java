package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.testing.InMemoryAccountDataStore;

/** The account data store contract against the in-memory reference the use-case tests rely on. */
class InMemoryAccountDataStoreContractTest extends AccountDataStoreContract {
    private final InMemoryAccountDataStore store = new InMemoryAccountDataStore();

    @Override
    protected AccountDataStore store() {
        return store;
    }
}
