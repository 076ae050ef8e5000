package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.application.testing.FakeConsentProviderStage;
import io.consentgateway.application.testing.MutableClock;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deliberately wrong (a test fixture, never run on its own: its name is no test's): an adapter with two classic
 * mistakes — it repeats a code exchange that got no answer, and it takes the provider's refusal of the client
 * ({@code invalid_client}) for the user's lost grant. {@link ConsentProviderContractCanFailTest} runs the contract
 * against it and expects those cases to fail.
 */
public class BrokenProviderContractFixture extends ConsentProviderContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final FakeConsentProvider fake = new FakeConsentProvider(clock);
    private final ProviderStage stage = new FakeConsentProviderStage(fake, clock);
    private final ConsentProvider broken = new Broken(fake);

    @Override
    protected ConsentProvider provider() {
        return broken;
    }

    @Override
    protected ProviderStage stage() {
        return stage;
    }

    static final class Broken implements ConsentProvider {
        private final ConsentProvider inner;

        Broken(ConsentProvider inner) {
            this.inner = inner;
        }

        @Override
        public IssuedTokens exchangeCode(CodeExchange exchange) {
            try {
                return classified(() -> inner.exchangeCode(exchange));
            } catch (ProviderUnavailable noAnswer) {
                return classified(() -> inner.exchangeCode(exchange)); // mistake 1: a blind retry of a sent exchange
            }
        }

        @Override
        public IssuedTokens refresh(RefreshToken refreshToken) {
            return classified(() -> inner.refresh(refreshToken));
        }

        private static <T> T classified(java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (ProviderMisconfigured refusedClient) {
                throw new ReauthorizationRequired("refused"); // mistake 2: an operator's mistake costs the user's consent
            }
        }

        @Override
        public ProviderId id() {
            return inner.id();
        }

        @Override
        public Set<FlowKind> supportedKinds() {
            return inner.supportedKinds();
        }

        @Override
        public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
            return inner.checkOptions(kind, requested);
        }

        @Override
        public ProviderFlow startFlow(ProviderFlowRequest request) {
            return inner.startFlow(request);
        }

        @Override
        public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
            return inner.interpretCallback(callback, providerFlowId);
        }

        @Override
        public List<Account> accounts(AccessToken accessToken) {
            return inner.accounts(accessToken);
        }

        @Override
        public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
            return inner.transactions(accessToken, filter);
        }

        @Override
        public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
            return inner.incomeReport(accessToken, providerFlowId);
        }
    }
}
