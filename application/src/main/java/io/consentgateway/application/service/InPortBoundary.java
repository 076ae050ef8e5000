package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ChangedMeanwhile;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.ProviderDown;
import io.consentgateway.application.port.in.ProviderRefused;
import io.consentgateway.application.port.in.ProviderRefusesGateway;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/**
 * Where the use cases meet their callers: the out-ports' failures (a provider down or refusing, a concurrent update,
 * the store out of reach) are the application's business, and leave an in-port only as the in-port's own failures
 * ({@code port.in}). An inbound adapter therefore knows the in-ports and nothing behind them, which an architecture
 * rule keeps.
 * <p>
 * {@link #of} wraps a use case so that every call through its in-port is translated; the use cases themselves go on
 * throwing what their out-ports throw, where they can still react to it.
 */
public final class InPortBoundary {
    /**
     * How long a client is asked to wait when the store is out of reach: long enough for a pool to reconnect or a
     * database to fail over, short enough that a user who tries again is not kept waiting.
     */
    static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(5);

    private InPortBoundary() {
    }

    /** The use case, as its in-port: every out-port failure a call lets through is translated ({@link #translate}). */
    public static <T> T of(Class<T> inPort, T useCase) {
        if (!inPort.isInterface()) {
            throw new IllegalArgumentException(inPort + " is not an in-port interface");
        }
        Object proxy = Proxy.newProxyInstance(inPort.getClassLoader(), new Class<?>[] {inPort}, (self, method, args) -> {
            try {
                return method.invoke(useCase, args);
            } catch (InvocationTargetException thrown) {
                throw translate(thrown.getCause());
            }
        });
        return inPort.cast(proxy);
    }

    /** An out-port failure as the in-port's; anything else unchanged. */
    static Throwable translate(Throwable failure) {
        if (failure instanceof ReauthorizationRequired) {
            return new ConsentNotUsable(ConsentStatus.REAUTH_REQUIRED, NextAction.RENEW);
        }
        if (failure instanceof ProviderRejected rejected) {
            return new ProviderRefused("the provider refused the request", rejected.fieldErrors().entrySet().stream()
                    .flatMap(field -> field.getValue().stream().map(message -> new FieldError(field.getKey(), message)))
                    .toList());
        }
        if (failure instanceof ProviderMisconfigured) {
            return new ProviderRefusesGateway("the provider refuses this gateway's credentials or configuration");
        }
        if (failure instanceof ProviderUnavailable unavailable) {
            return new ProviderDown("the provider is unavailable", unavailable.retryAfter());
        }
        if (failure instanceof ConcurrentUpdate) {
            return new ChangedMeanwhile("changed by another request at the same time");
        }
        if (failure instanceof StoreUnavailable) {
            return new GatewayUnavailable("the gateway's database is out of reach", STORE_RETRY_AFTER);
        }
        return failure;
    }
}
