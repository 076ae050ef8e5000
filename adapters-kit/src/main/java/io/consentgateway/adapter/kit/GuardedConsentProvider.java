package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;

import java.net.URI;
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
 * <p>The face knows its provider's id and base URL (for the readiness check, {@link ProviderReadiness}). In CDI the
 * container makes and closes the bean. Outside CDI (tests, tools) the subclass builds the bean itself, whose guards
 * are then inert, and hands over how to close it (the bean's {@code @PreDestroy} method, which is not public so that
 * no guard applies to it); {@link #close()} does so.
 *
 * @param <C> the adapter's guarded bean; the subclass reaches its other calls through {@link #calls()}
 */
public abstract class GuardedConsentProvider<C extends ProviderCalls> implements ConsentProvider, AutoCloseable {
    /** The {@code closeCalls} of a face whose bean the container made, and closes when the application stops. */
    protected static final Runnable CONTAINER_CLOSES_CALLS = () -> {
    };

    private ProviderId id;
    private ProviderSettings common;
    private C calls;
    private Runnable closeCalls;

    /** For CDI's client proxy only. */
    protected GuardedConsentProvider() {
    }

    /**
     * @param id         the provider's id
     * @param common     the provider's settings every adapter has (its base URL among them)
     * @param calls      the guarded bean
     * @param closeCalls closes {@code calls} when this provider built them itself (outside CDI), e.g.
     *                   {@code calls::close}; {@link #CONTAINER_CLOSES_CALLS} in CDI
     */
    protected GuardedConsentProvider(ProviderId id, ProviderSettings common, C calls, Runnable closeCalls) {
        this.id = Objects.requireNonNull(id, "provider id");
        this.common = Objects.requireNonNull(common, "provider settings");
        this.calls = Objects.requireNonNull(calls, "provider calls");
        this.closeCalls = Objects.requireNonNull(closeCalls, "closeCalls");
    }

    @Override
    public ProviderId id() {
        return id;
    }

    /** The provider's API root, as configured ({@code cg.<id>.base-url}); for the readiness check. */
    public URI baseUri() {
        return common.normalisedBaseUri();
    }

    /** The guarded bean, for the remote calls this class does not hand over itself. */
    protected C calls() {
        return calls;
    }

    /** {@code call}'s answer; a guard's refusal is {@link ProviderNotReached} naming this provider. */
    protected <T> T guarded(Supplier<T> call) {
        return GuardRefusals.guarded(id(), call);
    }

    /** The bean must not retry it once the request may have reached the provider: the code is spent there. */
    @Override
    public IssuedTokens exchangeCode(CodeExchange exchange) {
        return guarded(() -> calls.exchangeCode(exchange));
    }

    /** The bean must not retry it once the request may have reached the provider: the token may have rotated there. */
    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        return guarded(() -> calls.refresh(refreshToken));
    }

    @Override
    public List<Account> accounts(AccessToken accessToken) {
        return guarded(() -> calls.accounts(accessToken));
    }

    /** The bean walks every page the filter asks for. */
    @Override
    public List<Transaction> transactions(AccessToken accessToken, TransactionFilter filter) {
        return guarded(() -> calls.transactions(accessToken, filter));
    }

    /** Closes the calls this provider built itself; in CDI the container closes the bean's. */
    @Override
    public void close() {
        if (closeCalls != null) {
            closeCalls.run();
        }
    }
}
