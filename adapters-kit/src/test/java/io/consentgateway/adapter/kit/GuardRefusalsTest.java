package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.shared.ProviderId;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardRefusalsTest {
    private static final ProviderId PROVIDER = new ProviderId("acme");

    @Test
    void anOpenCircuitOrAFullBulkheadIsACallNeverMadeNamingTheProvider() {
        for (RuntimeException refusal : new RuntimeException[] {new CircuitBreakerOpenException("open"),
                new BulkheadException("full")}) {
            assertThatThrownBy(() -> GuardRefusals.guarded(PROVIDER, thrower(refusal)))
                    .isExactlyInstanceOf(ProviderNotReached.class)
                    .hasMessage("acme is not being called for now (circuit open or too many calls in flight)")
                    .satisfies(e -> assertThat(((ProviderNotReached) e).requestMayHaveBeenProcessed()).isFalse());
        }
    }

    @Test
    void everyOtherExceptionPassesThroughUnchanged() {
        RuntimeException[] others = {new ProviderUnavailable("down", Optional.empty(), true, null),
                new ProviderRejected("no", Map.of()), new ProviderNotReached("refused"), new TimeoutException("slow"),
                new IllegalStateException("bug")};
        for (RuntimeException other : others) {
            assertThatThrownBy(() -> GuardRefusals.guarded(PROVIDER, thrower(other))).isSameAs(other);
        }
    }

    @Test
    void anAnswerIsReturnedAsIs() {
        Object answer = new Object();

        assertThat(GuardRefusals.guarded(PROVIDER, () -> answer)).isSameAs(answer);
    }

    private static Supplier<Object> thrower(RuntimeException e) {
        return () -> {
            throw e;
        };
    }
}
