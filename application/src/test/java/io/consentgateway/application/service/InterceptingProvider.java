package io.consentgateway.application.service;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Wraps the shared {@link FakeConsentProvider} for what the fake cannot script: several data calls failing in
 * a row, a hook run when a refresh starts (to hold it for a concurrency test), and the access tokens that data
 * calls presented.
 */
final class InterceptingProvider implements ConsentProvider {
    private final FakeConsentProvider fake;
    private final AtomicInteger dataFailuresLeft = new AtomicInteger();
    private volatile Supplier<ProviderException> dataFailure;
    private final AtomicReference<Runnable> onNextRefresh = new AtomicReference<>();
    private volatile Runnable onEveryRefresh;
    private final AtomicReference<Runnable> onNextDataCall = new AtomicReference<>();
    private final AtomicReference<Supplier<ProviderException>> transactionsFailure = new AtomicReference<>();
    final List<AccessToken> dataCallTokens = new CopyOnWriteArrayList<>();

    InterceptingProvider(FakeConsentProvider fake) {
        this.fake = fake;
    }

    /** The next {@code times} data calls fail with the given exception before reaching the fake. */
    void failNextDataCalls(int times, Supplier<ProviderException> failure) {
        dataFailure = failure;
        dataFailuresLeft.set(times);
    }

    /** The next transactions call fails with the given exception before reaching the fake (other data calls pass). */
    void failNextTransactionsCall(Supplier<ProviderException> failure) {
        transactionsFailure.set(failure);
    }

    /** Runs {@code hook} at the start of the next data call, before it reaches the fake (to hold it). */
    void onNextDataCall(Runnable hook) {
        onNextDataCall.set(hook);
    }

    /** Runs {@code hook} inside the next refresh call, before the fake answers it. */
    void onNextRefresh(Runnable hook) {
        onNextRefresh.set(hook);
    }

    /** Runs {@code hook} inside every refresh call from now on, before the fake answers it (null: none). */
    void onEveryRefresh(Runnable hook) {
        onEveryRefresh = hook;
    }

    @Override
    public ProviderId id() {
        return fake.id();
    }

    @Override
    public Set<FlowKind> supportedKinds() {
        return fake.supportedKinds();
    }

    @Override
    public ProviderOptions checkOptions(FlowKind kind, Map<String, Object> requested) {
        return fake.checkOptions(kind, requested);
    }

    @Override
    public ProviderFlow startFlow(ProviderFlowRequest request) {
        return fake.startFlow(request);
    }

    @Override
    public CallbackResult interpretCallback(CallbackParameters callback, Optional<String> providerFlowId) {
        return fake.interpretCallback(callback, providerFlowId);
    }

    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        return fake.exchangeCode(exchange);
    }

    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        Runnable every = onEveryRefresh;
        if (every != null) {
            every.run();
        }
        Runnable hook = onNextRefresh.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
        return fake.refresh(refreshToken);
    }

    @Override
    public List<Account> accounts(AccessToken accessToken) {
        beforeDataCall(accessToken);
        return fake.accounts(accessToken);
    }

    @Override
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        beforeDataCall(accessToken);
        Supplier<ProviderException> failure = transactionsFailure.getAndSet(null);
        if (failure != null) {
            throw failure.get();
        }
        return fake.transactions(accessToken, filter);
    }

    @Override
    public IncomeReport incomeReport(AccessToken accessToken, String providerFlowId) {
        beforeDataCall(accessToken);
        return fake.incomeReport(accessToken, providerFlowId);
    }

    private void beforeDataCall(AccessToken token) {
        Runnable hook = onNextDataCall.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
        dataCallTokens.add(token);
        if (dataFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw dataFailure.get();
        }
    }
}
