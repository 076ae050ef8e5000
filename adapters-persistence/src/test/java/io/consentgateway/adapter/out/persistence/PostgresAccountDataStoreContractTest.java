package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.contract.AccountDataStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account data store contract, keyset pages and the sync lease included, on PostgreSQL. */
class PostgresAccountDataStoreContractTest extends AccountDataStoreContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected AccountDataStore store() {
        return db.adapter().accountData();
    }
}
