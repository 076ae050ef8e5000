package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user: the {@code sub} (subject) claim of the verified bearer token, whose issuer MicroProfile JWT pins
 * ({@code mp.jwt.verify.issuer}). Never the principal's name: MicroProfile JWT makes that {@code upn}, else
 * {@code preferred_username}, names some identity providers let users change or hand on to somebody else. A token
 * without a subject is no user (401). There is no other way to name a user in this API.
 */
public final class CurrentUser {
    private CurrentUser() {
    }

    /** No verified bearer token came with the request. */
    public static boolean isAnonymous(SecurityContext security) {
        return security == null || !(security.getUserPrincipal() instanceof JsonWebToken);
    }

    public static UserId of(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof JsonWebToken token)) {
            throw new NotAuthorizedException("Bearer");
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new NotAuthorizedException("Bearer");
        }
        try {
            return new UserId(subject);
        } catch (IllegalArgumentException e) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
