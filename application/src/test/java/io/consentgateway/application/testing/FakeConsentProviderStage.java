package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.contract.ProviderStage;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.token.IssuedTokens;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The fake's own controls, in the contract's words. */
public final class FakeConsentProviderStage implements ProviderStage {
    private final FakeConsentProvider fake;
    private final MutableClock clock;
    private final AtomicInteger tokenCalls = new AtomicInteger();

    public FakeConsentProviderStage(FakeConsentProvider fake, MutableClock clock) {
        this.fake = fake;
        this.clock = clock;
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public void flowStartSucceeds() {
        // the fake always starts flows
    }

    @Override
    public StartSeen startSeen(ProviderFlow started) {
        var request = fake.lastStartRequest();
        return new StartSeen(request.state().value(), request.redirectUri().toString(), Optional.empty(), Optional.empty());
    }

    @Override
    public Map<String, String> approvedCallback(State state, String code, ProviderFlow started) {
        return Map.of("state", state.value(), "success", "true", "code", code, "flow_id", started.providerFlowId().orElseThrow());
    }

    @Override
    public Map<String, String> cancelledCallback(State state, ProviderFlow started) {
        return Map.of("state", state.value(), "success", "false", "abort", "true");
    }

    @Override
    public Map<String, String> failedCallback(State state, ProviderFlow started) {
        return Map.of("state", state.value(), "success", "false");
    }

    @Override
    public Map<String, String> approvedWithoutCode(State state, ProviderFlow started) {
        return Map.of("state", state.value(), "success", "true");
    }

    @Override
    public Optional<Map<String, String>> callbackOfAnotherFlow(State state, ProviderFlow started) {
        return Optional.of(Map.of("state", state.value(), "success", "true", "code", "c", "flow_id", "another-flow"));
    }

    @Override
    public void tokenEndpointAnswers(TokenAnswer answer) {
        fake.scriptTokenAnswers(() -> {
            tokenCalls.incrementAndGet();
            return switch (answer) {
                case NEW_PAIR -> IssuedTokens.of(issuedAccessToken(), issuedRefreshToken(), Duration.ofHours(1), "scope");
                case ACCESS_ONLY -> IssuedTokens.of(issuedAccessToken(), null, Duration.ofHours(1), "scope");
                case GRANT_INVALID -> throw new ReauthorizationRequired("invalid_grant");
                case CLIENT_REFUSED, FORBIDDEN, NOT_FOUND -> throw new ProviderMisconfigured("the fake refuses this client");
                case SERVER_ERROR, NO_ANSWER -> throw new ProviderUnavailable("no usable answer", Optional.empty(), true, null);
                case OVERLOADED -> throw new ProviderUnavailable("overloaded", Optional.of(Duration.ofSeconds(30)), false, null);
            };
        });
    }

    @Override
    public int tokenCalls() {
        return tokenCalls.get();
    }

    @Override
    public String issuedAccessToken() {
        return "fake-access-token";
    }

    @Override
    public String issuedRefreshToken() {
        return "fake-refresh-token";
    }

    @Override
    public ConsentProvider unreachableProvider() {
        FakeConsentProvider unreachable = new FakeConsentProvider(clock);
        unreachable.becomeUnreachable();
        return unreachable;
    }

    @Override
    public String accountWithTransactions(String accessToken, int count) {
        return fake.stageAccount(accessToken, count);
    }

    @Override
    public void accessTokenRefused(String accessToken) {
        fake.invalidate(new io.consentgateway.domain.token.AccessToken(accessToken));
    }
}
