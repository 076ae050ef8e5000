package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ProviderId;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackCommandTest {
    static final String STATE = "Zm9yZ2VkLXN0YXRlLXRoYXQtaXMtbG9uZy1lbm91Z2g";

    @Test
    void theEndpointTheStateAndEveryParameterAreKeptUnparsed() {
        CallbackCommand command = CallbackCommand.fromQuery(Optional.of("somebank"),
                Map.of("state", List.of(STATE), "code", List.of("the-code"), "anything", List.of("x")));

        assertThat(command.endpoint()).contains(new ProviderId("somebank"));
        assertThat(command.state().value()).isEqualTo(STATE);
        assertThat(command.parameters()).containsEntry("code", "the-code").containsEntry("anything", "x");
    }

    @Test
    void theBareEndpointNamesNoProvider() {
        assertThat(CallbackCommand.fromQuery(Optional.empty(), Map.of("state", List.of(STATE))).endpoint()).isEmpty();
    }

    @Test
    void anEndpointThatCannotNameAProviderIsNotFound() {
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.of("No Such/Thing"), Map.of("state", List.of(STATE))))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aMissingStateIsAnInvalidCallback() {
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.empty(), Map.of("code", List.of("c"))))
                .isInstanceOf(InvalidCallback.class);
    }

    @Test
    void aUuidStateIsAnInvalidCallback() {
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.empty(), Map.of("state", List.of(UUID.randomUUID().toString()))))
                .isInstanceOf(InvalidCallback.class);
    }

    @Test
    void aRepeatedParameterIsAnInvalidCallback() {
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.empty(),
                Map.of("state", List.of(STATE), "code", List.of("a", "b"))))
                .isInstanceOf(InvalidCallback.class).hasMessageContaining("code").hasMessageNotContaining("a, b");
    }

    @Test
    void tooManyOrTooLongParametersAreAnInvalidCallback() {
        Map<String, List<String>> many = new HashMap<>();
        many.put("state", List.of(STATE));
        for (int i = 0; i < CallbackCommand.MAX_PARAMETERS; i++) {
            many.put("p" + i, List.of("v"));
        }
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.empty(), many)).isInstanceOf(InvalidCallback.class);
        assertThatThrownBy(() -> CallbackCommand.fromQuery(Optional.empty(),
                Map.of("state", List.of(STATE), "code", List.of("c".repeat(CallbackCommand.MAX_VALUE_LENGTH + 1)))))
                .isInstanceOf(InvalidCallback.class);
    }

    @Test
    void aCommandPrintsNoCodeAndNoState() {
        CallbackCommand command = CallbackCommand.fromQuery(Optional.empty(),
                Map.of("state", List.of(STATE), "code", List.of("the-secret-code")));

        assertThat(command.toString()).doesNotContain("the-secret-code").doesNotContain(STATE);
    }
}
