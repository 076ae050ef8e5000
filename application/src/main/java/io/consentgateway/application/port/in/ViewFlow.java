package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.UserId;

/** Use case: a user looks at one of their flows. */
public interface ViewFlow {
    /** @throws NotFound for a missing or foreign flow */
    FlowView view(UserId userId, FlowId flowId);
}
