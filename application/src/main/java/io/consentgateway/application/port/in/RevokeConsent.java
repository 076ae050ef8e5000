package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

/** Use case: the user withdraws a consent; its tokens are destroyed. Revoking twice is harmless. */
public interface RevokeConsent {
    void revoke(UserId userId, ConsentId consentId);
}
