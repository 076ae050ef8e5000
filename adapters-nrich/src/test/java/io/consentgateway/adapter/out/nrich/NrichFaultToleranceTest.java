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
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import io.consentgateway.adapter.kit.ProviderConfig;
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

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault-tolerance contract, as declared on {@link NrichCalls} (class-level, overridden per method where a call
 * differs): the annotations are what Liberty's MP Fault Tolerance acts on (they are inert here, which the last test
 * shows). The values can be overridden by MP Config, e.g.
 * {@code io.consentgateway.adapter.out.nrich.NrichCalls/accounts/Retry/maxRetries} (on the method) or
 * {@code io.consentgateway.adapter.out.nrich.NrichCalls/CircuitBreaker/delay} (on the class).
 */
class NrichFaultToleranceTest extends NrichWireMockTest {
    private static final List<String> REMOTE_CALLS =
            List.of("startFlow", "exchangeCode", "refresh", "accounts", "transactions", "incomeReport");

    private static Method method(String name) {
        return Arrays.stream(NrichCalls.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .findFirst().orElseThrow();
    }

    /** The annotation MP FT applies to the call: the method's own, else the class's (MP FT 4.1: the method's wins). */
    private static <A extends Annotation> A effective(String name, Class<A> type) {
        A onMethod = method(name).getAnnotation(type);
        return onMethod != null ? onMethod : NrichCalls.class.getAnnotation(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"startFlow", "exchangeCode", "refresh"})
    void postsAreRetriedOnlyWhenTheRequestNeverLeft(String name) {
        Retry retry = effective(name, Retry.class);

        assertThat(retry.retryOn()).containsExactly(ProviderNotReached.class);
        assertThat(retry.abortOn()).isEmpty();
        assertThat(retry.maxRetries()).isLessThanOrEqualTo(1);
        assertThat(ProviderUnavailable.class.isAssignableFrom(ProviderNotReached.class)).isTrue();
        assertThat(ProviderNotReached.class.isAssignableFrom(ProviderUnavailable.class)).isFalse();
    }

    @Test
    void theWritesKeepTheirOwnDelaysAndASmallerBulkhead() {
        assertThat(effective("startFlow", Retry.class)).extracting(Retry::maxRetries, Retry::delay, Retry::jitter)
                .containsExactly(1, 300L, 200L);
        for (String name : List.of("exchangeCode", "refresh")) {
            assertThat(effective(name, Retry.class)).extracting(Retry::maxRetries, Retry::delay, Retry::jitter)
                    .containsExactly(1, 200L, 100L);
        }
        for (String name : List.of("startFlow", "exchangeCode", "refresh")) {
            assertThat(effective(name, Bulkhead.class).value()).as(name).isEqualTo(20);
        }
        for (String name : List.of("accounts", "transactions", "incomeReport")) {
            assertThat(effective(name, Bulkhead.class).value()).as(name).isEqualTo(40);
        }
    }

    @Test
    void noCallInheritsARetryFromTheClassSoANewPostIsNeverRetriedByAccident() {
        assertThat(NrichCalls.class.getAnnotation(Retry.class)).isNull();
    }

    @Test
    void theTransactionsWalkHasNoMethodRetryThatWouldStartItAgainFromPageOne() {
        assertThat(effective("transactions", Retry.class)).as("pages are retried one by one (PagedRead)").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "incomeReport"})
    void singleCallReadsAreRetriedBoundedWithJitterOnProviderUnavailable(String name) {
        Retry retry = effective(name, Retry.class);

        assertThat(retry.retryOn()).containsExactly(ProviderUnavailable.class);
        assertThat(retry.abortOn()).contains(PagingLimitExceeded.class, ProviderBusy.class, ReauthorizationRequired.class,
                ProviderRejected.class, ProviderMisconfigured.class);
        assertThat(ProviderUnavailable.class.isAssignableFrom(ProviderBusy.class)).isTrue();
        assertThat(Duration.ofMillis(retry.delay() + retry.jitter())).isLessThanOrEqualTo(ProviderBusy.LONGER_THAN);
        assertThat(retry.maxRetries()).isEqualTo(2);
        assertThat(retry.jitter()).isPositive().isLessThan(retry.delay());
        assertThat(retry.maxDuration()).isEqualTo(60_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"startFlow", "exchangeCode", "refresh", "accounts", "transactions", "incomeReport"})
    void everyCallHasACircuitBreakerIgnoringTheCallersOwnErrorsAndABulkhead(String name) {
        CircuitBreaker breaker = effective(name, CircuitBreaker.class);

        assertThat(breaker.skipOn()).as("the caller's own errors, and our own bulkhead's refusals, never open the circuit")
                .containsExactlyInAnyOrder(ReauthorizationRequired.class, ProviderRejected.class,
                ProviderMisconfigured.class, BulkheadException.class);
        assertThat(breaker).extracting(CircuitBreaker::requestVolumeThreshold, CircuitBreaker::failureRatio,
                CircuitBreaker::delay, CircuitBreaker::successThreshold).containsExactly(20, 0.5, 30_000L, 2);
        assertThat(effective(name, Bulkhead.class)).isNotNull();
        assertThat(method(name).getAnnotation(Fallback.class)).as("refusals are translated by the provider").isNull();
    }

    @Test
    void theGuardedBeanHoldsExactlyTheRemoteCallsAndTheProviderNone() {
        assertThat(Arrays.stream(NrichCalls.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)).containsExactlyInAnyOrderElementsOf(REMOTE_CALLS);
        for (Method m : NrichConsentProvider.class.getDeclaredMethods()) {
            assertThat(Arrays.stream(m.getAnnotations()).map(Annotation::annotationType))
                    .as(m.getName()).doesNotContain(Retry.class, CircuitBreaker.class, Bulkhead.class, Fallback.class);
        }
        assertThat(NrichConsentProvider.class.getAnnotation(CircuitBreaker.class)).isNull();
        assertThat(NrichConsentProvider.class.getAnnotation(Bulkhead.class)).isNull();
    }

    @Test
    void anOpenCircuitOrAFullBulkheadOfTheCallsBeanReachesThePortAsNotReachedNamingNrich() {
        NrichCalls refusing = new NrichCalls(settings().build(), CLOCK) {
            @Override
            public List<Account> accounts(AccessToken accessToken) {
                throw new CircuitBreakerOpenException("open");
            }

            @Override
            public IssuedTokens refresh(RefreshToken refreshToken) {
                throw new BulkheadException("full");
            }
        };
        try (NrichConsentProvider provider = new NrichConsentProvider(settings().build(), refusing)) {
            assertThatThrownBy(() -> provider.accounts(new AccessToken("t")))
                    .isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse())
                    .hasMessageStartingWith("nrich is not being called for now");
            assertThatThrownBy(() -> provider.refresh(new RefreshToken("r")))
                    .isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse());
        } finally {
            refusing.close();
        }
    }

    @Test
    void bothBeansAreApplicationScopedTheCallsBindTheSettingsAndTheProviderTakesThem() throws Exception {
        for (Class<?> bean : List.of(NrichConsentProvider.class, NrichCalls.class)) {
            assertThat(bean.isAnnotationPresent(ApplicationScoped.class)).isTrue();
            assertThat(Arrays.stream(bean.getConstructors()).filter(c -> c.isAnnotationPresent(Inject.class)))
                    .as("one CDI constructor").hasSize(1);
            // and proxyable: ArchitectureRules.APPLICATION_SCOPED_BEANS_ARE_PROXYABLE checks every such bean
        }
        assertThat(NrichConsentProvider.class.getConstructor(NrichSettings.class, NrichCalls.class)
                .isAnnotationPresent(Inject.class)).isTrue();
        assertThat(NrichCalls.class.getConstructor(NrichSettings.class).isAnnotationPresent(Inject.class)).isTrue();
        Method producer = NrichCalls.class.getMethod("settings", NrichConfig.class, ProviderConfig.class, java.util.Optional.class);
        assertThat(producer.isAnnotationPresent(Produces.class)).isTrue();
        assertThat(Modifier.isStatic(producer.getModifiers())).as("never through the guards").isTrue();
        assertThat(producer.getParameters()[0].isAnnotationPresent(ConfigProperties.class)).as("settings bound by MP Config").isTrue();
        assertThat(producer.getParameters()[1].getAnnotation(ConfigProperties.class).prefix())
                .as("the keys every provider has, under this adapter's prefix").isEqualTo("cg.nrich");
        assertThat(NrichConsentProvider.class.getConstructor(NrichSettings.class, java.time.Clock.class)).isNotNull();
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
