package io.consentgateway.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectUriTest {

    @Test
    void anHttpsUriIsAccepted() {
        assertThat(RedirectUri.parse("https://gateway.example/callback").toString())
                .isEqualTo("https://gateway.example/callback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:9080/callback", "http://127.0.0.1:9080/callback", "http://[::1]:9080/callback",
            "http://127.1.2.3/callback"})
    void plainHttpIsAcceptedOnALoopbackHost(String text) {
        assertThat(RedirectUri.parse(text).value().getScheme()).isEqualTo("http");
    }

    @Test
    void plainHttpToAnyOtherHostIsRejected() {
        assertThatThrownBy(() -> RedirectUri.parse("http://gateway.example/callback"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.attacker.example/callback", "http://127.0.0.1.attacker.example/callback",
            "http://localhost.attacker.example/callback"})
    void plainHttpToAHostThatOnlyLooksLikeLoopbackIsRejected(String text) {
        assertThatThrownBy(() -> RedirectUri.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aFragmentIsRejected() {
        assertThatThrownBy(() -> RedirectUri.parse("https://gateway.example/callback#top"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/callback", "gateway.example/callback", "mailto:someone@gateway.example"})
    void aUriWithoutSchemeAndHostIsRejected(String text) {
        assertThatThrownBy(() -> RedirectUri.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void userInfoIsRejected() {
        assertThatThrownBy(() -> RedirectUri.parse("https://user:pw@gateway.example/callback"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void otherSchemesAreRejected() {
        assertThatThrownBy(() -> RedirectUri.parse("ftp://gateway.example/callback")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anUnparsableUriIsRejectedAsInvalidValue() {
        assertThatThrownBy(() -> RedirectUri.parse("https://gateway example/ca llback")).isInstanceOf(InvalidValueException.class);
    }
}
