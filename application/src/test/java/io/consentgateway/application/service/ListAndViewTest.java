package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

class ListAndViewTest {
    final GatewayHarness h = new GatewayHarness();

    @Test
    void aUsersConsentsAreListedNewestFirstWithTheirStatusNow() {
        ConsentId older = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
        h.advance(Duration.ofHours(2));
        ConsentId newer = h.connectOngoing(ALICE);

        List<ConsentView> views = h.listConsents.list(ALICE);

        assertThat(views).extracting(ConsentView::id).containsExactly(newer, older);
        assertThat(views).extracting(ConsentView::status).containsExactly(ConsentStatus.ACTIVE, ConsentStatus.EXPIRED);
        assertThat(views).extracting(ConsentView::nextAction).containsExactly(NextAction.NONE, NextAction.CONNECT_AGAIN);
    }

    @Test
    void aConsentViewCarriesNoToken() {
        ConsentId id = h.connectOngoing(ALICE);
        String access = h.consent(id).tokens().accessToken().reveal();

        assertThat(h.listConsents.get(ALICE, id).toString()).doesNotContain(access);
    }

    @Test
    void aFlowAwaitingTheUserShowsItsWidgetUrl() {
        FlowId flowId = h.startOngoingFlow(ALICE).flowId();

        FlowView view = h.viewFlow.view(ALICE, flowId);

        assertThat(view.status()).isEqualTo(FlowStatus.AWAITING_USER);
        assertThat(view.widgetUrl()).contains(h.flow(flowId).widgetUrl());
    }

    @Test
    void aCompletedFlowShowsItsConsentAndNoLongerItsWidgetUrl() {
        FlowId flowId = h.startOngoingFlow(ALICE).flowId();
        ConsentId consent = h.completeFlow(flowId).consentId().orElseThrow();

        FlowView view = h.viewFlow.view(ALICE, flowId);

        assertThat(view.status()).isEqualTo(FlowStatus.COMPLETED);
        assertThat(view.consentId()).contains(consent);
        assertThat(view.widgetUrl()).isEmpty();
    }
}
