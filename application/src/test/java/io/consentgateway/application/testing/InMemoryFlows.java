package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The flows repository in memory, with the same optimistic-version contract as the database. */
public final class InMemoryFlows implements Flows {
    private final Map<FlowId, Flow> byId = new ConcurrentHashMap<>();

    @Override
    public synchronized Flow save(Flow flow) {
        Flow stored = byId.get(flow.id());
        if (flow.version() == 0) {
            if (stored != null) {
                throw new ConcurrentUpdate("flow " + flow.id() + " exists already");
            }
            if (byId.values().stream().anyMatch(f -> f.state().equals(flow.state()))) {
                throw new ConcurrentUpdate("a flow with this state exists already");
            }
        } else if (stored == null || stored.version() != flow.version()) {
            throw new ConcurrentUpdate("flow " + flow.id() + " was changed meanwhile");
        }
        Flow next = flow.withVersion(flow.version() + 1);
        byId.put(next.id(), next);
        return next;
    }

    @Override
    public Optional<Flow> findById(FlowId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Flow> findByState(State state) {
        return byId.values().stream().filter(f -> f.state().equals(state)).findFirst();
    }

    @Override
    public List<Flow> findLapsed(Instant now, int limit) {
        return byId.values().stream()
                .filter(f -> f.isLapsedAt(now))
                .sorted(Comparator.comparing(Flow::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public Waiting waiting(UserId userId, Instant now) {
        List<Instant> lapses = byId.values().stream()
                .filter(f -> f.userId().equals(userId) && f.status() == FlowStatus.AWAITING_USER && !f.isLapsedAt(now))
                .map(Flow::expiresAt).sorted().toList();
        return new Waiting(lapses.size(), lapses.stream().findFirst());
    }

    public int size() {
        return byId.size();
    }

    @Override
    public int deleteByUser(UserId userId) {
        List<FlowId> ids = byId.values().stream().filter(f -> f.userId().equals(userId)).map(Flow::id).toList();
        ids.forEach(byId::remove);
        return ids.size();
    }

    /** Every stored flow (for tests). */
    public List<Flow> all() {
        return List.copyOf(byId.values());
    }
}
