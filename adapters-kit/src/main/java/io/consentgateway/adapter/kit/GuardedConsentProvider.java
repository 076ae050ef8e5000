package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The port's face of a provider adapter whose remote calls sit in a guarded bean ({@link ProviderCalls}). What the
 * port asks locally (kinds, options, callbacks) the subclass answers itself; each remote call goes to the bean, whose
 * MicroProfile Fault Tolerance interceptors (retry, circuit breaker, bulkhead) run around it. The split keeps the local
 * methods unguarded: a circuit opened by {@code checkOptions} refusing bad input, or a bulkhead on a callback's
 * reading, would be wrong. An open circuit or a full bulkhead surfaces as {@link ProviderNotReached}
 * ({@link GuardRefusals}: the call was never made).
 *
 * <p>In CDI the container makes and closes the bean. Outside CDI (tests, tools) the subclass builds the bean itself,
 * whose guards are then inert, and {@link #close()} closes it.
 *
 * @param <C> the adapter's guarded bean; the subclass reaches its other calls through {@link #calls()}
 */
public abstract class GuardedConsentProvider<C extends ProviderCalls> implements ConsentProvider, AutoCloseable {
    private C calls;
    private boolean ownsCalls;

    /** For CDI's client proxy only. */
    protected GuardedConsentProvider() {
    }

    /**
     * @param calls     the guarded bean
     * @param ownsCalls whether this provider built {@code calls} itself (outside CDI) and so closes them in
     *                  {@link #close()}; in CDI the container made the bean and closes it
     */
    protected GuardedConsentProvider(C calls, boolean ownsCalls) {
        this.calls = Objects.requireNonNull(calls, "provider calls");
        this.ownsCalls = ownsCalls;
    }

    /** The guarded bean, for the remote calls this class does not hand over itself. */
    protected C calls() {
        return calls;
    }

    /** {@code call}'s answer; a guard's refusal is {@link ProviderNotReached} naming this provider. */
    protected <T> T guarded(Supplier<T> call) {
        return GuardRefusals.guarded(id(), call);
    }

    /** Never retried once the request may have reached the provider: the code is spent there. */
    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        return guarded(() -> calls.exchangeCode(exchange));
    }

    /** Never retried once the request may have reached the provider: the refresh token may have rotated there. */
    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        return guarded(() -> calls.refresh(refreshToken));
    }

    @Override
    public List<Account> accounts(AccessToken accessToken) {
        return guarded(() -> calls.accounts(accessToken));
    }

    /** Every page the filter asks for. */
    @Override
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        return guarded(() -> calls.transactions(accessToken, filter));
    }

    /** Closes the calls this provider built itself; in CDI the container closes the bean's. */
    @Override
    public void close() {
        if (ownsCalls && calls != null) {
            closeCalls(calls);
        }
    }

    /**
     * Closes the REST clients of {@code calls}, which this provider built itself: the bean's {@code @PreDestroy}
     * method, which is not public so that no guard applies to it.
     */
    protected abstract void closeCalls(C calls);
}
