package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.StartFlowCommand;

/** Counts started flows by provider and kind. */
public final class MeteredStartFlow implements StartFlow {
    private final StartFlow startFlow;
    private final GatewayMetrics metrics;

    public MeteredStartFlow(StartFlow startFlow, GatewayMetrics metrics) {
        this.startFlow = startFlow;
        this.metrics = metrics;
    }

    @Override
    public FlowStarted start(StartFlowCommand command) {
        FlowStarted started = startFlow.start(command);
        metrics.flowStarted(command.provider().value(), command.kind().name());
        return started;
    }
}
