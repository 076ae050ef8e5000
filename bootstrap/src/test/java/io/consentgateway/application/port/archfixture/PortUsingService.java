package io.consentgateway.application.port.archfixture;

import io.consentgateway.application.service.StartFlowService;

/** Deliberately wrong (test fixture): a port that depends on a service. */
public interface PortUsingService {
    StartFlowService service();
}
