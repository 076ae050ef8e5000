package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.List;

/** Use case: a user's consents with their status, expiry and what to do next. */
public interface ListConsents {
    List<ConsentView> list(UserId userId);

    /** @throws NotFound for a missing or foreign consent */
    ConsentView get(UserId userId, ConsentId consentId);
}
