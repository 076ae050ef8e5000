package io.consentgateway.adapter.out.nrich;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.domain.flow.FlowFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code interpretCallback}: nrich's callback vocabulary read into the port's neutral results. */
class NrichCallbackTest {
    private static final String STATE = "s".repeat(43);
    private static final Optional<String> FLOW = Optional.of("3ca31c37-986a-454e-ad64-8e97143c86bc");

    private static NrichConsentProvider nrich;

    @BeforeAll
    static void adapter() {
        nrich = new NrichConsentProvider(NrichSettings.builder().build());
    }

    @AfterAll
    static void close() {
        nrich.close();
    }

    private static CallbackResult read(Optional<String> providerFlowId, String... nameValues) {
        Map<String, String> query = new HashMap<>();
        query.put("state", STATE);
        for (int i = 0; i < nameValues.length; i += 2) {
            query.put(nameValues[i], nameValues[i + 1]);
        }
        return nrich.interpretCallback(new CallbackParameters(query), providerFlowId);
    }

    /** A callback for the flow {@link #FLOW}, carrying its {@code flow_id} as nrich always does unless one is given. */
    private static CallbackResult read(String... nameValues) {
        boolean flowIdGiven = false;
        for (int i = 0; i < nameValues.length; i += 2) {
            flowIdGiven |= nameValues[i].equals("flow_id");
        }
        if (flowIdGiven) {
            return read(FLOW, nameValues);
        }
        String[] withFlowId = java.util.Arrays.copyOf(nameValues, nameValues.length + 2);
        withFlowId[nameValues.length] = "flow_id";
        withFlowId[nameValues.length + 1] = FLOW.get();
        return read(FLOW, withFlowId);
    }

    @Test
    void successWithACodeIsApprovedWithThatCode() {
        CallbackResult result = read("success", "true", "code", "the-code", "flow_id", FLOW.get());

        assertThat(result).isInstanceOfSatisfying(CallbackResult.Approved.class,
                approved -> assertThat(approved.code().reveal()).isEqualTo("the-code"));
        assertThat(result.toString()).doesNotContain("the-code");
    }

    @Test
    void aCodeWithoutSuccessIsApprovedToo() {
        assertThat(read("code", "the-code")).isInstanceOf(CallbackResult.Approved.class);
        assertThat(read(Optional.empty(), "code", "the-code", "flow_id", "any")).as("no flow id known: nothing to compare")
                .isInstanceOf(CallbackResult.Approved.class);
    }

    @Test
    void aCallbackWithoutTheFlowIdNrichAlwaysSendsIsNotThisFlows() {
        assertThat(read(FLOW, "success", "true", "code", "c"))
                .isEqualTo(CallbackResult.notThisFlow("callback without flow_id"));
        assertThat(read(FLOW, "abort", "true")).as("not even a cancellation").isInstanceOf(CallbackResult.NotThisFlow.class);
        assertThat(read(FLOW, "success", "true", "code", "c", "flow_id", " ")).as("a blank one is none")
                .isInstanceOf(CallbackResult.NotThisFlow.class);
    }

    @Test
    void successTrueIsReadInAnyCase() {
        assertThat(read("success", "TRUE", "code", "c")).isInstanceOf(CallbackResult.Approved.class);
        assertThat(read("success", " True ", "code", "c")).isInstanceOf(CallbackResult.Approved.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abort", "cancel"})
    void abortAndTheOlderCancelAreACancellation(String flag) {
        assertThat(read(flag, "true")).isEqualTo(CallbackResult.cancelled());
        assertThat(read(flag, "TRUE", "success", "false")).isEqualTo(CallbackResult.cancelled());
        assertThat(read(flag, "True", "code", "c")).as("a cancellation wins over a code").isEqualTo(CallbackResult.cancelled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abort", "cancel"})
    void aFalseAbortOrCancelIsNoCancellation(String flag) {
        assertThat(read(flag, "false", "code", "c")).isInstanceOf(CallbackResult.Approved.class);
        assertThat(read(flag, "yes", "code", "c")).isInstanceOf(CallbackResult.Approved.class);
    }

    @Test
    void oauthAccessDeniedIsACancellation() {
        assertThat(read("error", "access_denied")).isEqualTo(CallbackResult.cancelled());
    }

    @Test
    void successFalseIsAFailureTheProviderReported() {
        assertThat(read("success", "false")).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read("success", "false", "code", "c")).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read("success", "no")).as("anything but true").isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
    }

    @Test
    void anotherOauthErrorIsAFailureTheProviderReported() {
        assertThat(read("error", "server_error")).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read("error", "invalid_request", "code", "c")).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
        assertThat(read("error", "ACCESS_DENIED")).as("access_denied is matched exactly, as OAuth spells it")
                .isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
    }

    @Test
    void successWithoutACodeIsAFailureForLackOfACode() {
        assertThat(read("success", "true")).isEqualTo(CallbackResult.failed(FlowFailure.MISSING_CODE));
        assertThat(read("success", "true", "code", "  ")).isEqualTo(CallbackResult.failed(FlowFailure.MISSING_CODE));
        assertThat(read()).as("nothing but the state").isEqualTo(CallbackResult.failed(FlowFailure.MISSING_CODE));
    }

    @Test
    void blankParametersAreNotGiven() {
        assertThat(read("error", " ", "success", "", "code", "c")).isInstanceOf(CallbackResult.Approved.class);
    }

    @Test
    void aFlowIdOtherThanTheFlowsIsAnotherFlowsCallback() {
        assertThat(read("success", "true", "code", "c", "flow_id", "another-flow"))
                .isEqualTo(CallbackResult.notThisFlow("callback flow_id does not match the flow"));
        assertThat(read("abort", "true", "flow_id", "another-flow")).as("even a cancellation")
                .isInstanceOf(CallbackResult.NotThisFlow.class);
    }

    @Test
    void overlongFlowIdOrErrorIsNotThisFlow() {
        assertThat(read(Optional.empty(), "flow_id", "f".repeat(129), "code", "c")).isInstanceOf(CallbackResult.NotThisFlow.class);
        assertThat(read(Optional.of("f".repeat(129)), "flow_id", "f".repeat(129), "code", "c"))
                .isInstanceOf(CallbackResult.NotThisFlow.class);
        assertThat(read("error", "e".repeat(65))).isInstanceOf(CallbackResult.NotThisFlow.class);
        assertThat(read(Optional.of("f".repeat(128)), "flow_id", "f".repeat(128), "code", "c"))
                .as("128 characters are fine").isInstanceOf(CallbackResult.Approved.class);
        assertThat(read("error", "e".repeat(64))).isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
    }

    @Test
    void theNotThisFlowReasonNamesNoValue() {
        CallbackResult result = read("flow_id", "secret-looking-flow", "code", "code-secret-4711");

        assertThat(((CallbackResult.NotThisFlow) result).why()).doesNotContain("secret-looking-flow").doesNotContain("code-secret-4711");
    }
}
