package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.UserId;

/**
 * Use case: the right to erasure (GDPR Art. 17). Deletes everything the gateway holds of the user: every flow, every
 * consent with its tokens, every stored account, transaction and snapshot, every webhook event about the user. Idempotent: erasing a user the gateway does
 * not know does nothing and succeeds.
 */
public interface EraseUser {
    ErasureReport erase(UserId userId);

    /** How much was erased: counts only, nothing about the user. */
    record ErasureReport(int consents, int flows, int events) {
    }
}
