package io.consentgateway.application.service;

import io.consentgateway.application.port.in.KeepAliveReport;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

/** One consent or flow that cannot be read (an old key removed, a bug) never stops the scheduler looking after the others. */
class KeepConsentsAliveRobustnessTest {
    final GatewayHarness h = new GatewayHarness();

    @Test
    void anUnreadableConsentIsReportedAndTheOthersAreStillRenewed() {
        ConsentId broken = h.connectOngoing(ALICE);
        ConsentId healthy = h.connectOngoing(BOB);
        h.atDay(30);
        KeepConsentsAliveService keepAlive = new KeepConsentsAliveService(h.flows, failingOn(broken), h.refresher,
                h.settings, h.clock);

        KeepAliveReport report = keepAlive.run(10);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failedIds()).containsExactly(broken);
        assertThat(report.refreshed()).isEqualTo(1);
        assertThat(h.consent(healthy).lastRefreshedAt()).isPresent();
    }

    @Test
    void unreadableFlowsDoNotKeepConsentsFromBeingLookedAfter() {
        ConsentId consent = h.connectOngoing(ALICE);
        h.atDay(30);
        Flows unreadable = new Flows() {
            @Override
            public Flow save(Flow flow) {
                return h.flows.save(flow);
            }

            @Override
            public Optional<Flow> findById(FlowId id) {
                return h.flows.findById(id);
            }

            @Override
            public Optional<Flow> findByState(State state) {
                return h.flows.findByState(state);
            }

            @Override
            public List<Flow> findLapsed(Instant now, int limit) {
                throw new IllegalStateException("stored secret unreadable");
            }

            @Override
            public Waiting waiting(UserId userId, Instant now) {
                return h.flows.waiting(userId, now);
            }

            @Override
            public int deleteByUser(UserId userId) {
                return h.flows.deleteByUser(userId);
            }
        };

        KeepAliveReport report = new KeepConsentsAliveService(unreadable, h.consents, h.refresher, h.settings, h.clock).run(10);

        assertThat(report.flowsFailed()).isEqualTo(1);
        assertThat(report.refreshed()).isEqualTo(1);
        assertThat(h.consent(consent).lastRefreshedAt()).isPresent();
    }

    private Consents failingOn(ConsentId broken) {
        return new DelegatingConsents(h.consents) {
            @Override
            public Optional<Consent> findById(ConsentId id) {
                if (id.equals(broken)) {
                    throw new IllegalStateException("stored secret unreadable");
                }
                return super.findById(id);
            }
        };
    }
}
