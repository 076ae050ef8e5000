package io.consentgateway.adapter.out.bank;

import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.token.AccessToken;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fault-tolerance contract, as declared on {@link BankCalls} (class-level, overridden per method where a call
 * differs): the annotations are what Liberty's MP Fault Tolerance acts on (they are inert here, which the last test
 * shows). The values can be overridden by MP Config, e.g.
 * {@code io.consentgateway.adapter.out.bank.BankCalls/refresh/Retry/maxRetries} (on the method) or
 * {@code io.consentgateway.adapter.out.bank.BankCalls/CircuitBreaker/delay} (on the class).
 */
class BankFaultToleranceTest extends BankWireMockTest {
    private static final List<String> REMOTE_CALLS = List.of("exchangeCode", "refresh", "accounts", "transactions");

    private static Method method(String name) {
        return Arrays.stream(BankCalls.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .findFirst().orElseThrow();
    }

    /** The annotation MP FT applies to the call: the method's own, else the class's (MP FT 4.1: the method's wins). */
    private static <A extends Annotation> A effective(String name, Class<A> type) {
        A onMethod = method(name).getAnnotation(type);
        return onMethod != null ? onMethod : BankCalls.class.getAnnotation(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exchangeCode", "refresh"})
    void tokenCallsAreRetriedOnlyWhenTheRequestNeverLeftWithASmallerBulkhead(String name) {
        Retry retry = effective(name, Retry.class);

        assertThat(retry.retryOn()).containsExactly(ProviderNotReached.class);
        assertThat(retry.abortOn()).isEmpty();
        assertThat(retry).extracting(Retry::maxRetries, Retry::delay, Retry::jitter).containsExactly(1, 200L, 100L);
        assertThat(effective(name, Bulkhead.class).value()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accounts", "transactions"})
    void theReadsWalkPagesSoTheyHaveNoMethodRetryThatWouldStartAgainFromPageOne(String name) {
        assertThat(effective(name, Retry.class)).as("pages are retried one by one (PagedRead)").isNull();
        assertThat(effective(name, Bulkhead.class).value()).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exchangeCode", "refresh", "accounts", "transactions"})
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
        assertThat(BankCalls.class.getAnnotation(Retry.class)).as("no call inherits a retry").isNull();
        assertThat(Arrays.stream(BankCalls.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)).containsExactlyInAnyOrderElementsOf(REMOTE_CALLS);
        for (Method m : BankConsentProvider.class.getDeclaredMethods()) {
            assertThat(Arrays.stream(m.getAnnotations()).map(Annotation::annotationType))
                    .as(m.getName()).doesNotContain(Retry.class, CircuitBreaker.class, Bulkhead.class, Fallback.class);
        }
        assertThat(BankConsentProvider.class.getAnnotation(CircuitBreaker.class)).isNull();
        assertThat(BankConsentProvider.class.getAnnotation(Bulkhead.class)).isNull();
    }

    @Test
    void anOpenCircuitOrAFullBulkheadOfTheCallsBeanReachesThePortAsNotReachedNamingTheBank() {
        BankSettings settings = stage.settings().build();
        BankCalls refusing = new BankCalls(settings, BankStage.CLOCK) {
            @Override
            public List<Account> accounts(AccessToken accessToken) {
                throw new CircuitBreakerOpenException("open");
            }

            @Override
            public IssuedTokens refresh(RefreshToken refreshToken) {
                throw new BulkheadException("full");
            }
        };
        try (BankConsentProvider provider = new BankConsentProvider(settings, refusing)) {
            assertThatThrownBy(() -> provider.accounts(TOKEN))
                    .isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse())
                    .hasMessageStartingWith("tatrabanka is not being called for now");
            assertThatThrownBy(() -> provider.refresh(new RefreshToken("r")))
                    .isInstanceOfSatisfying(ProviderNotReached.class, e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse());
        } finally {
            refusing.close();
        }
    }

    @Test
    void bothBeansAreApplicationScopedTheCallsBindTheSettingsAndTheProviderTakesThem() throws Exception {
        for (Class<?> bean : List.of(BankConsentProvider.class, BankCalls.class)) {
            assertThat(bean.isAnnotationPresent(ApplicationScoped.class)).isTrue();
            assertThat(Arrays.stream(bean.getConstructors()).filter(c -> c.isAnnotationPresent(Inject.class)))
                    .as("one CDI constructor").hasSize(1);
            // and proxyable: ArchitectureRules.APPLICATION_SCOPED_BEANS_ARE_PROXYABLE checks every such bean
        }
        assertThat(BankConsentProvider.class.getConstructor(BankSettings.class, BankCalls.class)
                .isAnnotationPresent(Inject.class)).isTrue();
        assertThat(BankCalls.class.getConstructor(BankSettings.class).isAnnotationPresent(Inject.class)).isTrue();
        Method producer = BankCalls.class.getMethod("settings", BankConfig.class, ProviderConfig.class, Optional.class);
        assertThat(producer.isAnnotationPresent(Produces.class)).isTrue();
        assertThat(Modifier.isStatic(producer.getModifiers())).as("never through the guards").isTrue();
        assertThat(producer.getParameters()[0].isAnnotationPresent(ConfigProperties.class)).as("settings bound by MP Config").isTrue();
        assertThat(producer.getParameters()[1].getAnnotation(ConfigProperties.class).prefix())
                .as("the keys every provider has, under this adapter's prefix").isEqualTo("cg.tatrabanka");
    }

    @Test
    void withoutCdiTheAnnotationsAreInertSoAPlainAdapterCallsExactlyOnceAndNeverOpensACircuit() {
        bank.stubFor(post(urlPathEqualTo(BankStage.TOKEN_PATH)).willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> adapter.refresh(new RefreshToken("r")))
                    .isInstanceOf(ProviderUnavailable.class).isNotInstanceOf(ProviderNotReached.class);
        }

        bank.verify(25, postRequestedFor(urlPathEqualTo(BankStage.TOKEN_PATH)));
    }
}
