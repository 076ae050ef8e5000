package io.consentgateway.application.port.in;

/** Use case: start a consent flow with a provider and hand back the widget URL. */
public interface StartFlow {
    FlowStarted start(StartFlowCommand command);
}
