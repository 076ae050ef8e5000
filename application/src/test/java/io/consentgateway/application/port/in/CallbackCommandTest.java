package io.consentgateway.application.port.in;

import io.consentgateway.domain.token.AuthorizationCode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackCommandTest {
    static final String STATE = "Zm9yZ2VkLXN0YXRlLXRoYXQtaXMtbG9uZy1lbm91Z2g";

    @Test
    void abortTrueMeansCancelled() {
        assertThat(CallbackCommand.fromQuery(STATE, null, null, "true", null, "pf", null).cancelled()).isTrue();
    }

    @Test
    void theOlderCancelTrueMeansCancelledToo() {
        assertThat(CallbackCommand.fromQuery(STATE, null, null, null, "TRUE", "pf", null).cancelled()).isTrue();
    }

    @Test
    void oauthAccessDeniedMeansCancelled() {
        assertThat(CallbackCommand.fromQuery(STATE, null, null, null, null, null, "access_denied").cancelled()).isTrue();
    }

    @Test
    void abortFalseIsNotACancellation() {
        assertThat(CallbackCommand.fromQuery(STATE, "true", "c", "false", "false", "pf", null).cancelled()).isFalse();
    }

    @Test
    void theSuccessFlagAndCodeAreParsed() {
        CallbackCommand command = CallbackCommand.fromQuery(STATE, "true", "the-code", null, null, "pf-1", null);

        assertThat(command.success()).contains(true);
        assertThat(command.code()).contains(new AuthorizationCode("the-code"));
        assertThat(command.providerFlowId()).contains("pf-1");
    }

    @Test
    void blankParametersCountAsAbsent() {
        CallbackCommand command = CallbackCommand.fromQuery(STATE, " ", "", null, null, "", "");

        assertThat(command.success()).isEmpty();
        assertThat(command.code()).isEmpty();
        assertThat(command.providerFlowId()).isEmpty();
        assertThat(command.error()).isEmpty();
    }

    @Test
    void aUuidStateIsAnInvalidCallback() {
        assertThatThrownBy(() -> CallbackCommand.fromQuery(UUID.randomUUID().toString(), "true", "c", null, null, null, null))
                .isInstanceOf(InvalidCallback.class);
    }

    @Test
    void aCommandPrintsNoCodeAndNoState() {
        CallbackCommand command = CallbackCommand.fromQuery(STATE, "true", "the-secret-code", null, null, "pf-1", null);

        assertThat(command.toString()).doesNotContain("the-secret-code").doesNotContain(STATE);
    }
}
