package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.testing.InMemoryFlows;

/** The flows contract against the in-memory fake the use-case tests rely on. */
class InMemoryFlowsContractTest extends FlowsContract {
    private final InMemoryFlows flows = new InMemoryFlows();

    @Override
    protected Flows flows() {
        return flows;
    }
}
