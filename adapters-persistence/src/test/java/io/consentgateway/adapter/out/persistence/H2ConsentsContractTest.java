package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.port.out.contract.ConsentsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consents contract, locks and claims included, on H2 in PostgreSQL mode. */
class H2ConsentsContractTest extends ConsentsContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected Consents consents() {
        return db.adapter().consents();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return db.adapter().unitOfWork();
    }
}
