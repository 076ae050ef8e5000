package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.port.out.contract.UnitOfWorkContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transactions contract on H2 in PostgreSQL mode. */
class H2UnitOfWorkContractTest extends UnitOfWorkContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected UnitOfWork unitOfWork() {
        return db.adapter().unitOfWork();
    }

    @Override
    protected Consents consents() {
        return db.adapter().consents();
    }
}
