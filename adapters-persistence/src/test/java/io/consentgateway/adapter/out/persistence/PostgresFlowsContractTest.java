package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.contract.FlowsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The flows contract on PostgreSQL. */
class PostgresFlowsContractTest extends FlowsContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected Flows flows() {
        return db.adapter().flows();
    }
}
