package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.contract.ConsentProviderContract;
import io.consentgateway.application.port.out.contract.ProviderStage;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.token.IssuedTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake the use-case tests rely on passes the same contract as the real adapters, so what those tests prove about
 * the core holds for a provider that behaves as the contract says.
 */
class FakeConsentProviderContractTest extends ConsentProviderContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final FakeConsentProvider fake = new FakeConsentProvider(clock);
    private final FakeConsentProviderStage stage = new FakeConsentProviderStage(fake, clock);

    @Override
    protected ConsentProvider provider() {
        return fake;
    }

    @Override
    protected ProviderStage stage() {
        return stage;
    }
}
