package io.consentgateway.application.service;

import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ViewFlow;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.UserId;

/** Shows a user one of their own flows; anybody else's is "not found". */
public final class ViewFlowService implements ViewFlow {
    private final Flows flows;

    public ViewFlowService(Flows flows) {
        this.flows = flows;
    }

    @Override
    public FlowView view(UserId userId, FlowId flowId) {
        return flows.findById(flowId)
                .filter(flow -> flow.userId().equals(userId))
                .map(FlowView::of)
                .orElseThrow(() -> new NotFound("flow"));
    }
}
