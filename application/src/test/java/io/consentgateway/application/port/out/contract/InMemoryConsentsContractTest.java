package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.testing.InMemoryConsents;
import io.consentgateway.application.testing.InMemoryUnitOfWork;

/** The consents contract against the in-memory fake the use-case tests rely on. */
class InMemoryConsentsContractTest extends ConsentsContract {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryConsents consents = new InMemoryConsents(unitOfWork);

    @Override
    protected Consents consents() {
        return consents;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
