package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedConsentProviderTest {
    private static final ProviderId ACME = new ProviderId("acme");
    private static final ProviderSettings SETTINGS = new ProviderSettingsTest.ExampleBuilder()
            .baseUri(URI.create("https://api.acme.example/psd2//")).build();

    /** A provider's guarded bean whose circuit is open for the accounts and whose bulkhead is full for refreshes. */
    static class RefusingCalls implements ProviderCalls {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public IssuedTokens exchangeCode(CodeExchange exchange) {
            throw new ProviderRejected("acme refused the code", Map.of());
        }

        @Override
        public IssuedTokens refresh(RefreshToken refreshToken) {
            throw new BulkheadException("full");
        }

        @Override
        public List<Account> accounts(AccessToken accessToken) {
            throw new CircuitBreakerOpenException("open");
        }

        @Override
        public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
            return List.of();
        }

        void close() {
            closed.incrementAndGet();
        }
    }

    /** A face with nothing local to answer: only what the base class does is under test. */
    static final class AcmeProvider extends GuardedConsentProvider<RefusingCalls> {
        AcmeProvider(RefusingCalls calls, boolean ownsCalls) {
            super(ACME, SETTINGS, calls, ownsCalls ? calls::close : CONTAINER_CLOSES_CALLS);
        }

        @Override
        public Set<FlowKind> supportedKinds() {
            return Set.of(FlowKind.ONGOING_ACCESS);
        }

        @Override
        public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
            return ProviderOptions.NONE;
        }

        @Override
        public ProviderFlow startFlow(ProviderFlowRequest request) {
            throw new UnsupportedOperationException("not under test");
        }

        @Override
        public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
            throw new UnsupportedOperationException("not under test");
        }

        @Override
        public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
            throw new UnsupportedOperationException("not under test");
        }
    }

    @Test
    void theFaceAnswersItsIdAndItsNormalisedBaseUrl() {
        AcmeProvider acme = new AcmeProvider(new RefusingCalls(), false);

        assertThat(acme.id()).isEqualTo(ACME);
        assertThat(acme.baseUri()).isEqualTo(URI.create("https://api.acme.example/psd2"));
    }

    @Test
    void aGuardsRefusalReachesThePortAsACallNeverMadeNamingTheProvider() {
        AcmeProvider acme = new AcmeProvider(new RefusingCalls(), false);

        assertThatThrownBy(() -> acme.accounts(new AccessToken("a")))
                .isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse())
                .hasMessageStartingWith("acme is not being called for now");
        assertThatThrownBy(() -> acme.refresh(new RefreshToken("r")))
                .isInstanceOf(ProviderNotReached.class).hasMessageStartingWith("acme ");
    }

    @Test
    void everyOtherAnswerOrFailureOfTheCallsPassesThroughUnchanged() {
        AcmeProvider acme = new AcmeProvider(new RefusingCalls(), false);

        assertThat(acme.transactions(new AccessToken("a"), TransactionFilter.all())).isEmpty();
        assertThatThrownBy(() -> acme.exchangeCode(null))
                .isExactlyInstanceOf(ProviderRejected.class).hasMessage("acme refused the code");
    }

    @Test
    void aFaceClosesTheCallsItBuiltItselfAndNeverTheContainers() {
        RefusingCalls own = new RefusingCalls();
        RefusingCalls containers = new RefusingCalls();

        new AcmeProvider(own, true).close();
        new AcmeProvider(containers, false).close();

        assertThat(own.closed).hasValue(1);
        assertThat(containers.closed).hasValue(0);
    }
}
