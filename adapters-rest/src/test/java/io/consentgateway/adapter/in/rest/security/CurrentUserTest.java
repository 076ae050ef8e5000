package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentUserTest {

    @Test
    void theUserIsTheTokensSubjectNotItsName() {
        assertThat(CurrentUser.of(context(token("subject-1", "shared-upn")))).isEqualTo(new UserId("subject-1"));
    }

    @Test
    void twoTokensWithTheSameNameButDifferentSubjectsAreTwoUsers() {
        assertThat(CurrentUser.of(context(token("subject-1", "shared-upn"))))
                .isNotEqualTo(CurrentUser.of(context(token("subject-2", "shared-upn"))));
    }

    @Test
    void aTokenWithoutSubjectIsNoUser() {
        assertThatThrownBy(() -> CurrentUser.of(context(token(null, "shared-upn")))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(context(token(" ", "shared-upn")))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void aPrincipalThatIsNoVerifiedTokenIsNoUser() {
        Principal plain = () -> "someone";

        assertThatThrownBy(() -> CurrentUser.of(context(plain))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(context(null))).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> CurrentUser.of(null)).isInstanceOf(NotAuthorizedException.class);
    }

    private static JsonWebToken token(String subject, String name) {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("upn", name);
        if (subject != null) {
            claims.put("sub", subject);
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    private static SecurityContext context(Principal principal) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
