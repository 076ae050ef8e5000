package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {
    static final String SECRET = "s3cr3t-value-0123456789";

    @Test
    void anAccessTokenPrintsAsStars() {
        assertThat(new AccessToken(SECRET).toString()).isEqualTo("AccessToken[***]");
    }

    @Test
    void aRefreshTokenPrintsAsStars() {
        assertThat(new RefreshToken(SECRET).toString()).isEqualTo("RefreshToken[***]");
    }

    @Test
    void anAuthorizationCodePrintsAsStars() {
        assertThat(new AuthorizationCode(SECRET).toString()).isEqualTo("AuthorizationCode[***]");
    }

    @Test
    void aPkceVerifierPrintsAsStars() {
        assertThat(new PkceVerifier(SECRET).toString()).isEqualTo("PkceVerifier[***]");
    }

    @Test
    void theClearTextIsReachedOnlyThroughReveal() {
        AccessToken token = new AccessToken(SECRET);

        assertThat(token.reveal()).isEqualTo(SECRET);
        assertThat(token.length()).isEqualTo(SECRET.length());
    }

    @Test
    void secretsAreEqualByValueAndType() {
        assertThat(new AccessToken(SECRET)).isEqualTo(new AccessToken(SECRET)).isNotEqualTo(new AccessToken(SECRET + "x"));
        assertThat((Object) new AccessToken(SECRET)).isNotEqualTo(new RefreshToken(SECRET));
    }

    @Test
    void aBlankSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new RefreshToken(" "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("refresh token is required");
    }
}
