package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ChangedMeanwhile;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ProviderDown;
import io.consentgateway.application.port.in.ProviderRefused;
import io.consentgateway.application.port.in.ProviderRefusesGateway;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What leaves an in-port is the in-port's: every out-port failure is translated, everything else passes unchanged. */
class InPortBoundaryTest {

    /** A use case for the test: answers, or throws what it is given. */
    interface Echo {
        String echo(Supplier<String> answer);
    }

    private final Echo echo = InPortBoundary.of(Echo.class, Supplier::get);

    private Throwable thrownFor(RuntimeException failure) {
        return catchThrowable(() -> echo.echo(() -> {
            throw failure;
        }));
    }

    @Test
    void anAnswerPassesUnchanged() {
        assertThat(echo.echo(() -> "hello")).isEqualTo("hello");
    }

    @Test
    void eachOutPortFailureBecomesTheInPortsOwn() {
        assertThat(thrownFor(new ReauthorizationRequired("invalid_grant"))).isInstanceOfSatisfying(ConsentNotUsable.class,
                e -> {
                    assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
                    assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                });
        assertThat(thrownFor(new ProviderRejected("bad", Map.of("sync_period", List.of("too long")))))
                .isInstanceOfSatisfying(ProviderRefused.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("sync_period", "too long")));
        assertThat(thrownFor(new ProviderMisconfigured("invalid_client"))).isInstanceOf(ProviderRefusesGateway.class);
        assertThat(thrownFor(new ProviderUnavailable("503", Optional.of(Duration.ofSeconds(30)), false, null)))
                .isInstanceOfSatisfying(ProviderDown.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
        assertThat(thrownFor(new ProviderNotReached("refused"))).isInstanceOf(ProviderDown.class);
        assertThat(thrownFor(new ConcurrentUpdate("consent 1"))).isInstanceOf(ChangedMeanwhile.class);
        assertThat(thrownFor(new StoreUnavailable("connection to db.internal:5432 refused")))
                .isInstanceOfSatisfying(GatewayUnavailable.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(e.getMessage()).doesNotContain("db.internal");
                });
    }

    @Test
    void theTranslationTellsNothingTheProviderSaid() {
        assertThat(thrownFor(new ProviderMisconfigured("client secret s3cr3t refused")).getMessage()).doesNotContain("s3cr3t");
        assertThat(thrownFor(new ProviderUnavailable("upstream said x-token abc", Optional.empty(), true, null))
                .getMessage()).doesNotContain("abc");
    }

    @Test
    void theInPortsOwnFailuresAndOthersPassUnchanged() {
        NotFound notFound = new NotFound("consent");
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThat(thrownFor(notFound)).isSameAs(notFound);
        assertThat(thrownFor(bug)).isSameAs(bug);
    }

    @Test
    void onlyAnInterfaceIsAnInPort() {
        assertThatThrownBy(() -> InPortBoundary.of(String.class, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
