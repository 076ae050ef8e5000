package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.application.service.EventRecorder;
import io.consentgateway.application.service.RecordingConsents;
import io.consentgateway.application.service.WebhookSettings;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.consentDueAt;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only a database transaction does (the in-memory fakes do not): roll back, and hide uncommitted writes
 * from other connections.
 */
abstract class TransactionRollbackTests {

    protected abstract AdapterExtension db();

    private Flows flows() {
        return db().adapter().flows();
    }

    private Consents consents() {
        return db().adapter().consents();
    }

    private UnitOfWork unitOfWork() {
        return db().adapter().unitOfWork();
    }

    @Test
    void failedWorkRollsBackEverythingItWrote() {
        Flow flow = awaitingFlow(ALICE, T0);
        Consent consent = ongoingConsent(ALICE, T0);

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            flows().save(flow);
            consents().save(consent);
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");

        assertThat(flows().findById(flow.id())).isEmpty();
        assertThat(consents().findById(consent.id())).isEmpty();
    }

    @Test
    void aChangeAndItsEventsCommitTogetherOrNotAtAll() {
        EventRecorder recorder = new EventRecorder(db().adapter().eventOutbox(),
                WebhookSettings.defaults().withEndpoints(List.of("fintech")), Clock.fixed(T0, ZoneOffset.UTC));
        Consents recording = new RecordingConsents(consents(), unitOfWork(), recorder);
        Consent rolledBack = ongoingConsent(ALICE, T0);
        Consent committed = ongoingConsent(ALICE, T0);

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            recording.save(rolledBack);
            throw new IllegalStateException("crash before commit");
        })).hasMessage("crash before commit");
        Consent stored = recording.save(committed);
        recording.save(stored.revocable().orElseThrow().revoke(T0.plusSeconds(1)));

        assertThat(consents().findById(rolledBack.id())).isEmpty();
        assertThat(db().adapter().eventOutbox().deliveries(DeliveryFilter.ALL, Optional.empty(), 10))
                .allMatch(d -> d.event().consentId().equals(Optional.of(committed.id())))
                .extracting(d -> d.event().type())
                .containsExactlyInAnyOrder(EventType.CONSENT_ACTIVATED, EventType.CONSENT_REVOKED);
    }

    @Test
    void failureInANestedTransactionRollsBackTheOuterWorkToo() {
        Consent consent = ongoingConsent(ALICE, T0);

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            consents().save(consent);
            return unitOfWork().inTransaction(() -> {
                throw new IllegalStateException("inner failure");
            });
        })).hasMessage("inner failure");

        assertThat(consents().findById(consent.id())).isEmpty();
    }

    @Test
    void staleFlowInsideACallbackTransactionUndoesTheConsentStoredBeforeIt() {
        Flow stored = flows().save(awaitingFlow(ALICE, T0));
        Flow exchanging = flows().save(stored.awaitingUser().orElseThrow().beginExchange(T0.plusSeconds(1), POLICY));
        flows().save(exchanging.exchanging().orElseThrow()
                .fail(io.consentgateway.domain.flow.FlowFailure.PROVIDER_UNAVAILABLE, T0.plusSeconds(2)));
        Consent consent = ongoingConsent(ALICE, T0.plusSeconds(3));

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            consents().save(consent);
            return flows().save(exchanging.exchanging().orElseThrow().complete(consent.id(), T0.plusSeconds(3)));
        })).isInstanceOf(ConcurrentUpdate.class);

        assertThat(consents().findById(consent.id())).isEmpty();
    }

    @Test
    void uncommittedWritesAreInvisibleToOtherConnections() throws Exception {
        Consent consent = ongoingConsent(ALICE, T0);

        Optional<Consent> seenFromOutside = unitOfWork().inTransaction(() -> {
            consents().save(consent);
            try {
                return CompletableFuture.supplyAsync(() -> consents().findById(consent.id())).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenFromOutside).isEmpty();
        assertThat(consents().findById(consent.id())).isPresent();
    }

    @Test
    void claimInsideATransactionIsCommittedEvenIfThatTransactionFails() {
        Consent due = consents().save(consentDueAt(T0.plus(Duration.ofDays(10))));
        java.time.Instant now = T0.plus(Duration.ofDays(10));

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            assertThat(consents().claimDue(now, 10, now.plusSeconds(300))).containsExactly(due.id());
            throw new IllegalStateException("caller failed");
        })).hasMessage("caller failed");

        assertThat(consents().claimDue(now, 10, now.plusSeconds(300))).isEmpty();
    }
}
