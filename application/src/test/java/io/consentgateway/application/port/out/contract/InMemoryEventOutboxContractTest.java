package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.testing.InMemoryEventOutbox;

/** The outbox contract on the in-memory reference. */
class InMemoryEventOutboxContractTest extends EventOutboxContract {
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();

    @Override
    protected EventOutbox outbox() {
        return outbox;
    }
}
