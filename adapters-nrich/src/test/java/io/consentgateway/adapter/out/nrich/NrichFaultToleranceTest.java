package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.PagingLimitExceeded;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault-tolerance contract, as declared: the annotations are what Liberty's MP Fault Tolerance acts on (they are
 * inert here, which the last test shows). The values can be overridden by MP Config, e.g.
 * {@code io.consentgateway.adapter.out.nrich.NrichConsentProvider/accounts/Retry/maxRetries}.
 */
class NrichFaultToleranceTest extends NrichWireMockTest {

    private static Method method(String name) {
        return Arrays.stream(NrichConsentProvider.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"startFlow", "exchangeCode", "refresh"})
    void postsAreRetriedOnlyWhenTheRequestNeverLeft(String name) {
        Retry retry = method(name).getAnnotation(Retry.class);

        assertThat(retry.retryOn()).containsExactly(ProviderNotReached.class);
        assertThat(retry.abortOn()).isEmpty();
        assertThat(retry.maxRetries()).isLessThanOrEqualTo(1);
        assertThat(ProviderUnavailable.class.isAssignableFrom(ProviderNotReached.class)).isTrue();
        assertThat(ProviderNotReached.class.isAssignableFrom(ProviderUnavailable.class)).isFalse();
    }

    @Test
    void theTransactionsWalkHasNoMethodRetryThatWouldStartItAgainFromPageOne() {
        assertThat(method("transactions").getAnnotation(Retry.class)).as("pages are retried one by one (PagedRead)").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "incomeReport"})
    void singleCallReadsAreRetriedBoundedWithJitterOnProviderUnavailable(String name) {
        Retry retry = method(name).getAnnotation(Retry.class);

        assertThat(retry.retryOn()).containsExactly(ProviderUnavailable.class);
        assertThat(retry.abortOn()).contains(PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                ProviderRejected.class, ProviderMisconfigured.class);
        assertThat(ProviderUnavailable.class.isAssignableFrom(ProviderBusy.class)).isTrue();
        assertThat(Duration.ofMillis(retry.delay() + retry.jitter())).isLessThanOrEqualTo(ProviderBusy.LONGER_THAN);
        assertThat(retry.maxRetries()).isBetween(1, 3);
        assertThat(retry.jitter()).isPositive().isLessThan(retry.delay());
        assertThat(retry.maxDuration()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"startFlow", "exchangeCode", "refresh", "accounts", "transactions", "incomeReport"})
    void everyCallHasACircuitBreakerIgnoringTheCallersOwnErrorsABulkheadAndAFallbackForCallsNeverMade(String name)
            throws Exception {
        Method method = method(name);
        CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
        Fallback fallback = method.getAnnotation(Fallback.class);

        assertThat(breaker.skipOn()).as("the caller's own errors, and our own bulkhead's refusals, never open the circuit")
                .containsExactlyInAnyOrder(ReauthorizationRequired.class, ProviderRejected.class,
                ProviderMisconfigured.class, BulkheadException.class);
        assertThat(method.getAnnotation(Bulkhead.class)).isNotNull();
        assertThat(fallback.applyOn()).containsExactlyInAnyOrder(CircuitBreakerOpenException.class, BulkheadException.class);
        Method fallbackMethod = NrichConsentProvider.class.getDeclaredMethod(fallback.fallbackMethod(), method.getParameterTypes());
        assertThat(fallbackMethod.getReturnType()).isEqualTo(method.getReturnType());
        fallbackMethod.setAccessible(true);
        Object[] args = new Object[method.getParameterCount()];
        assertThatThrownBy(() -> {
            try {
                fallbackMethod.invoke(adapter, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse());
    }

    @Test
    void adapterIsAnApplicationScopedBeanWithAnInjectConstructorAndAProxyConstructor() throws Exception {
        assertThat(NrichConsentProvider.class.isAnnotationPresent(ApplicationScoped.class)).isTrue();
        Constructor<NrichConsentProvider> injected = NrichConsentProvider.class.getConstructor(NrichConfig.class, java.util.Optional.class);
        assertThat(injected.isAnnotationPresent(Inject.class)).isTrue();
        assertThat(injected.getParameters()[0].isAnnotationPresent(ConfigProperties.class)).as("settings bound by MP Config").isTrue();
        assertThat(Arrays.stream(NrichConsentProvider.class.getConstructors()).filter(c -> c.isAnnotationPresent(Inject.class)))
                .as("one CDI constructor").hasSize(1);
        assertThat(NrichConsentProvider.class.getConstructor(NrichSettings.class, java.time.Clock.class)).isNotNull();
        Constructor<NrichConsentProvider> proxy = NrichConsentProvider.class.getDeclaredConstructor();
        assertThat(Modifier.isPrivate(proxy.getModifiers())).isFalse();
        assertThat(Modifier.isFinal(NrichConsentProvider.class.getModifiers())).isFalse();
    }

    @Test
    void withoutCdiTheAnnotationsAreInertSoAPlainAdapterCallsExactlyOnce() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> adapter.accounts(new AccessToken("t"))).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> adapter.transactions(new AccessToken("t"), TransactionFilter.all()))
                .isInstanceOf(ProviderException.class);

        nrich.verify(1, getRequestedFor(urlEqualTo("/rest/accounts")));
    }
}
