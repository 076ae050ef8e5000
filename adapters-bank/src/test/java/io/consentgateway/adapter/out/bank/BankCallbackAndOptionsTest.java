package io.consentgateway.adapter.out.bank;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.ProviderOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the OAuth callback and checking provider options: local work, no server involved. */
class BankCallbackAndOptionsTest {
    private final BankConsentProvider adapter = new BankConsentProvider(BankSettings.builder().build(), Clock.systemUTC());

    @AfterEach
    void close() {
        adapter.close();
    }

    private CallbackResult read(Map<String, String> query) {
        Map<String, String> withState = new HashMap<>(query);
        withState.put("state", "s".repeat(43));
        return adapter.interpretCallback(new CallbackParameters(withState), Optional.empty());
    }

    @Test
    void aCodeIsAnApproval() {
        assertThat(read(Map.of("code", "abc-123_.~"))).isInstanceOfSatisfying(CallbackResult.Approved.class,
                approved -> assertThat(approved.code().reveal()).isEqualTo("abc-123_.~"));
    }

    @Test
    void accessDeniedIsACancellationWhateverElseCame() {
        assertThat(read(Map.of("error", "access_denied", "error_description", "The user denied the request")))
                .isEqualTo(CallbackResult.cancelled());
        assertThat(read(Map.of("error", "access_denied", "code", "ignored"))).isEqualTo(CallbackResult.cancelled());
    }

    @Test
    void anotherErrorIsAReportedFailureEvenWithACode() {
        assertThat(read(Map.of("error", "server_error"))).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read(Map.of("error", "temporarily_unavailable", "code", "x")))
                .isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read(Map.of("error", "ACCESS_DENIED"))).as("OAuth error codes are case-sensitive")
                .isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
    }

    @Test
    void noCodeOrAnUnusableOneIsAFailureForLackOfACode() {
        CallbackResult missing = CallbackResult.failed(FlowFailure.MISSING_CODE);
        assertThat(read(Map.of())).isEqualTo(missing);
        assertThat(read(Map.of("code", ""))).isEqualTo(missing);
        assertThat(read(Map.of("code", "   "))).isEqualTo(missing);
        assertThat(read(Map.of("code", "a b"))).isEqualTo(missing);
        assertThat(read(Map.of("code", "line\nbreak"))).isEqualTo(missing);
        assertThat(read(Map.of("code", "x".repeat(BankConsentProvider.MAX_CALLBACK_VALUE + 1)))).isEqualTo(missing);
        assertThat(read(Map.of("code", "x".repeat(BankConsentProvider.MAX_CALLBACK_VALUE))))
                .isInstanceOf(CallbackResult.Approved.class);
    }

    @Test
    void aProviderFlowIdIsNeverExpectedNorChecked() {
        assertThat(adapter.interpretCallback(new CallbackParameters(Map.of("code", "c", "flow_id", "other")),
                Optional.of("mine"))).isInstanceOf(CallbackResult.Approved.class);
    }

    @Test
    void noOptionsAreNoneAndEveryGivenOneIsRejectedByName() {
        assertThat(adapter.checkOptions(FlowKind.ONGOING_ACCESS, Map.of())).isEqualTo(ProviderOptions.NONE);

        Map<String, Object> requested = new HashMap<>();
        requested.put("bankId", "tatra-sk");
        requested.put("trackingId", null);
        ProviderOptionsRejected rejected = catchThrowableOfType(
                () -> adapter.checkOptions(FlowKind.ONE_TIME_ACCESS, requested), ProviderOptionsRejected.class);

        assertThat(rejected.errors()).containsOnlyKeys("bankId", "trackingId");
        assertThat(rejected.errors().values()).allSatisfy(message ->
                assertThat(message).isEqualTo("is not an option of provider tatrabanka"));
        assertThat(rejected.getMessage()).doesNotContain("tatra-sk");
    }
}
