package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The signed-in user: the subject of the verified bearer token (MicroProfile JWT puts it in the
 * {@link SecurityContext}). There is no other way to name a user in this API.
 */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static UserId of(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            throw new NotAuthorizedException("Bearer");
        }
        try {
            return new UserId(principal.getName());
        } catch (IllegalArgumentException e) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
