package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import org.junit.jupiter.api.Test;

import java.security.Principal;

import static io.consentgateway.adapter.in.rest.Callers.carrying;
import static io.consentgateway.adapter.in.rest.Callers.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentUserTest {

    @Test
    void theUserIsTheTokensSubjectNotItsName() {
        assertThat(CurrentUser.of(carrying(token("subject-1", "shared-upn")))).isEqualTo(new UserId("subject-1"));
    }

    @Test
    void twoTokensWithTheSameNameButDifferentSubjectsAreTwoUsers() {
        assertThat(CurrentUser.of(carrying(token("subject-1", "shared-upn"))))
                .isNotEqualTo(CurrentUser.of(carrying(token("subject-2", "shared-upn"))));
    }

    @Test
    void aTokenWithoutSubjectIsNoUser() {
        assertThatThrownBy(() -> CurrentUser.of(carrying(token(null, "shared-upn")))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(carrying(token(" ", "shared-upn")))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aPrincipalThatIsNoVerifiedTokenIsNoUser() {
        Principal plain = () -> "someone";

        assertThatThrownBy(() -> CurrentUser.of(carrying(plain))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(carrying(null))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(null)).isInstanceOf(NotAuthorizedException.class);
    }
}
