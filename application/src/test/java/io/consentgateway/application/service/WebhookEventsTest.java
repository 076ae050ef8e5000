package io.consentgateway.application.service;

import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The use cases record an event for each change the fintech hears about, with the change (the outbox), and nothing
 * for what changes nothing it is told of: tokens, times, reads served from the store.
 */
class WebhookEventsTest {
    final GatewayHarness h = new GatewayHarness();

    private List<EventType> typesSince(int index) {
        List<GatewayEvent> events = h.outbox.events();
        return events.subList(index, events.size()).stream().map(GatewayEvent::type).toList();
    }

    @Test
    void aCompletedFlowTellsItsCompletionAndTheNewConsent() {
        ConsentId id = h.connectOngoing(ALICE);

        assertThat(typesSince(0)).containsExactlyInAnyOrder(EventType.CONSENT_ACTIVATED, EventType.FLOW_COMPLETED);
        GatewayEvent activated = h.outbox.events().stream()
                .filter(event -> event.type() == EventType.CONSENT_ACTIVATED).findFirst().orElseThrow();
        assertThat(activated.consentId()).contains(id);
        assertThat(activated.userId()).isEqualTo(ALICE);
        assertThat(activated.provider()).isEqualTo(h.fake.id());
        assertThat(activated.status()).isEqualTo("ACTIVE");
        assertThat(activated.occurredAt()).isEqualTo(h.now());
        GatewayEvent completed = h.outbox.events().stream()
                .filter(event -> event.type() == EventType.FLOW_COMPLETED).findFirst().orElseThrow();
        assertThat(completed.consentId()).contains(id);
        assertThat(completed.flowId()).isPresent();
    }

    @Test
    void aCancelledFlowFailsWithItsStatusAndNoConsent() {
        FlowId flow = h.startOngoingFlow(ALICE).flowId();

        h.callback.handle(h.callbackFor(flow).abort("true").build());

        assertThat(h.outbox.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.FLOW_FAILED);
            assertThat(event.flowId()).contains(flow);
            assertThat(event.consentId()).isEmpty();
            assertThat(event.status()).isEqualTo("CANCELLED");
        });
    }

    @Test
    void aBackgroundSyncTellsDataSynced_AndAUsersReadTellsNothing() {
        ConsentId id = h.connectOngoing(ALICE);
        int before = h.outbox.events().size();

        h.readAccounts.accounts(ALICE, id); // synced for the read: the answer tells the fintech
        h.readAccounts.accounts(ALICE, id); // from the store
        assertThat(typesSince(before)).isEmpty();
        h.advance(h.dataSettings.backgroundInterval().plusMinutes(1));
        h.maintainData.run(10);

        assertThat(typesSince(before)).containsExactly(EventType.DATA_SYNCED);
        assertThat(h.outbox.events().get(before).consentId()).contains(id);
    }

    @Test
    void theKeepAliveTellsExpiringSoonThenExpired_AndARefreshAloneTellsNothing() {
        ConsentId id = h.connectOngoing(ALICE);
        int before = h.outbox.events().size();

        h.atDay(30);
        h.keepAlive.run(10); // a refresh: new tokens, nothing to tell
        assertThat(typesSince(before)).isEmpty();
        h.atDay(60);
        h.keepAlive.run(10);
        h.atDay(76);
        h.keepAlive.run(10);
        h.clock.set(h.consent(id).expiresAt());
        h.keepAlive.run(10);

        assertThat(typesSince(before)).containsExactly(EventType.CONSENT_EXPIRING_SOON, EventType.CONSENT_EXPIRED);
    }

    @Test
    void aRefusedRefreshTellsReauthRequiredWithItsReason_AndTheRenewalTellsRenewed() {
        ConsentId id = h.connectOngoing(ALICE);
        h.atDay(30);
        h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));
        int before = h.outbox.events().size();

        h.keepAlive.run(10);
        GatewayEvent reauth = h.outbox.events().get(before);
        assertThat(reauth.type()).isEqualTo(EventType.CONSENT_REAUTH_REQUIRED);
        assertThat(reauth.reason()).contains("REFRESH_REJECTED");

        FlowId renewal = h.renewConsent.renew(new RenewConsentCommand(ALICE, id, Language.EN, Optional.empty())).flowId();
        h.completeFlow(renewal);

        assertThat(typesSince(before)).containsExactly(EventType.CONSENT_REAUTH_REQUIRED, EventType.CONSENT_RENEWED,
                EventType.FLOW_COMPLETED);
        assertThat(h.outbox.events().get(before + 1).consentId()).contains(id);
    }

    @Test
    void aRevocationTellsRevokedOnce() {
        ConsentId id = h.connectOngoing(ALICE);
        int before = h.outbox.events().size();

        h.revokeConsent.revoke(ALICE, id);
        h.advance(Duration.ofDays(1));
        h.keepAlive.run(10);

        assertThat(typesSince(before)).containsExactly(EventType.CONSENT_REVOKED);
    }

    @Test
    void aOneTimeConsentPastItsHourTellsExpired() {
        ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        int before = h.outbox.events().size();

        h.advance(Duration.ofMinutes(61));
        h.keepAlive.run(10);

        assertThat(typesSince(before)).containsExactly(EventType.CONSENT_EXPIRED);
        assertThat(h.outbox.events().get(before).consentId()).contains(id);
    }
}
