package io.consentgateway.application.service;

import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.TransactionsQuery;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.UserId;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.function.BiConsumer;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A user sees and touches only their own flows and consents; a foreign id is as unknown as a missing one. */
class OwnershipTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId alicesConsent = h.connectOngoing(ALICE);
    final ConsentId missing = ConsentId.random();

    private void assertForeignLikeMissing(BiConsumer<UserId, ConsentId> action) {
        Throwable foreign = catchThrowable(() -> action.accept(BOB, alicesConsent));
        Throwable absent = catchThrowable(() -> action.accept(BOB, missing));

        assertThat(foreign).isInstanceOf(NotFound.class);
        assertThat(absent).isInstanceOf(NotFound.class);
        assertThat(foreign).hasMessage(absent.getMessage());
    }

    @Test
    void anotherUsersConsentIsNotFoundLikeAMissingOne() {
        assertForeignLikeMissing((user, id) -> h.listConsents.get(user, id));
    }

    @Test
    void anotherUsersConsentIsNotListed() {
        assertThat(h.listConsents.list(BOB)).isEmpty();
        assertThat(h.listConsents.list(ALICE)).hasSize(1);
    }

    @Test
    void anotherUsersAccountsAreNotFoundAndTheProviderIsNotCalled() {
        assertForeignLikeMissing((user, id) -> h.readAccounts.accounts(user, id).data());
        assertThat(h.fake.dataCalls).hasValue(0);
    }

    @Test
    void anotherUsersTransactionsAreNotFound() {
        assertForeignLikeMissing((user, id) -> h.readTransactions.transactions(
                TransactionsQuery.parse(user, id.toString(), null, null, null, null, null)));
    }

    @Test
    void anotherUsersIncomeReportIsNotFound() {
        ConsentId report = h.connect(ALICE, FlowKind.INCOME_REPORT);

        assertThatThrownBy(() -> h.readIncomeReport.incomeReport(BOB, report).data()).isInstanceOf(NotFound.class);
    }

    @Test
    void anotherUserCannotRevokeAConsentAndItStaysActive() {
        assertForeignLikeMissing((user, id) -> h.revokeConsent.revoke(user, id));
        assertThat(h.consent(alicesConsent).status()).isEqualTo(ConsentStatus.ACTIVE);
    }

    @Test
    void anotherUserCannotRenewAConsent() {
        assertForeignLikeMissing((user, id) -> h.renewConsent.renew(
                new RenewConsentCommand(user, id, Language.DE, Optional.empty())));
        assertThat(h.fake.startRequests).hasSize(1); // only Alice's own flow
    }

    @Test
    void anotherUsersFlowIsNotFoundLikeAMissingOne() {
        FlowId alicesFlow = h.startOngoingFlow(ALICE).flowId();

        Throwable foreign = catchThrowable(() -> h.viewFlow.view(BOB, alicesFlow));
        Throwable absent = catchThrowable(() -> h.viewFlow.view(BOB, FlowId.random()));

        assertThat(foreign).isInstanceOf(NotFound.class).hasMessage(absent.getMessage());
        assertThat(absent).isInstanceOf(NotFound.class);
    }

    @Test
    void theOwnerSeesTheirFlow() {
        FlowId alicesFlow = h.startOngoingFlow(ALICE).flowId();

        assertThat(h.viewFlow.view(ALICE, alicesFlow).id()).isEqualTo(alicesFlow);
    }
}
