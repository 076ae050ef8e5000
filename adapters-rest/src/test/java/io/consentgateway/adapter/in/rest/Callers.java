package io.consentgateway.adapter.in.rest;

import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who calls a resource, as the {@link SecurityContext} JAX-RS hands it: with MicroProfile JWT the principal is the
 * verified bearer token. Every token here also carries {@link #TOKEN_NAME}, a name that is not its subject, so that a
 * test that finds the subject at the in-port shows the resource took the user id from the subject, never the name.
 */
public final class Callers {
    /** The token's name ({@code upn}/{@code preferred_username}): a handle users may change, never the user id. */
    public static final String TOKEN_NAME = "anna@fintech.example";

    private Callers() {
    }

    /** A request with a verified bearer token whose subject is this user id, in these roles (its groups claim). */
    public static SecurityContext signedInAs(String subject, String... roles) {
        return carrying(token(subject), Set.of(roles));
    }

    /** A verified token that names nobody: no {@code sub} claim. */
    public static SecurityContext withATokenWithoutSubject() {
        return carrying(token(null));
    }

    /** A request without a bearer token (or one the runtime did not verify). */
    public static SecurityContext anonymous() {
        return carrying(null);
    }

    private static JsonWebToken token(String subject) {
        return token(subject, TOKEN_NAME);
    }

    /** A verified token with this subject ({@code sub}, absent if null) and this name ({@code upn}). */
    public static JsonWebToken token(String subject, String name) {
        Map<String, Object> claims = new HashMap<>();
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

    /** The security context JAX-RS hands a resource for a request with this principal (none if null). */
    public static SecurityContext carrying(Principal principal) {
        return carrying(principal, Set.of());
    }

    private static SecurityContext carrying(Principal principal, Set<String> roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal != null && roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return principal == null ? null : "Bearer";
            }
        };
    }
}
