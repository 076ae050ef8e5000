package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.contract.FlowsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The flows contract on H2 in PostgreSQL mode. */
class H2FlowsContractTest extends FlowsContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected Flows flows() {
        return db.adapter().flows();
    }
}
