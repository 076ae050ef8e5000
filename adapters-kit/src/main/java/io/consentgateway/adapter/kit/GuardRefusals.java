package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.domain.shared.ProviderId;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The port's face of a provider's fault tolerance: a call the adapter's own circuit breaker (open) or bulkhead (full)
 * refused was never made, so the port sees {@link ProviderNotReached} (not processed: even a code exchange or a
 * refresh may be tried again), naming the provider. Every other exception passes through unchanged.
 *
 * <p>An adapter's port implementation wraps each call to its guarded remote-calls bean, e.g.
 * {@code return GuardRefusals.guarded(ID, () -> calls.accounts(accessToken));}. The translation sits outside that
 * bean's fault-tolerance interceptors, where an MP FT {@code @Fallback} would sit: a retry never sees the refusal as
 * something to retry, and whatever wraps the port (metrics) sees the same {@link ProviderNotReached} a fallback threw.
 */
public final class GuardRefusals {

    private GuardRefusals() {
    }

    /** {@code call}'s answer; an open circuit or a full bulkhead becomes {@link ProviderNotReached} naming {@code provider}. */
    public static <T> T guarded(ProviderId provider, Supplier<T> call) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(call, "call");
        try {
            return call.get();
        } catch (CircuitBreakerOpenException | BulkheadException refused) {
            throw notCalled(provider);
        }
    }

    /** The failure for a call that was never made: {@code <provider> is not being called for now (...)}. */
    public static ProviderNotReached notCalled(ProviderId provider) {
        return new ProviderNotReached(Objects.requireNonNull(provider, "provider").value()
                + " is not being called for now (circuit open or too many calls in flight)");
    }
}
