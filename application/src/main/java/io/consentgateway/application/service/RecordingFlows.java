package io.consentgateway.application.service;

import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The flows repository as every use case sees it: the save that ends a flow stores its event with it, in one
 * transaction (joining the caller's, so a completion's consent, flow and both events commit together).
 */
public final class RecordingFlows implements Flows {
    private final Flows flows;
    private final UnitOfWork unitOfWork;
    private final EventRecorder events;

    public RecordingFlows(Flows flows, UnitOfWork unitOfWork, EventRecorder events) {
        this.flows = flows;
        this.unitOfWork = unitOfWork;
        this.events = events;
    }

    @Override
    public Flow save(Flow flow) {
        if (!flow.isTerminal()) {
            return flows.save(flow);
        }
        return unitOfWork.inTransaction(() -> {
            Flow saved = flows.save(flow);
            events.flowStored(flow);
            return saved;
        });
    }

    @Override
    public Optional<Flow> findById(FlowId id) {
        return flows.findById(id);
    }

    @Override
    public Optional<Flow> findByState(State state) {
        return flows.findByState(state);
    }

    @Override
    public List<Flow> findLapsed(Instant now, int limit) {
        return flows.findLapsed(now, limit);
    }

    @Override
    public Waiting waiting(UserId userId, Instant now) {
        return flows.waiting(userId, now);
    }

    @Override
    public int deleteByUser(UserId userId) {
        return flows.deleteByUser(userId);
    }
}
