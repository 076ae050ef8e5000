package io.consentgateway.adapter.in.rest.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a resource names with {@code @RolesAllowed} (the operators' API), checked here first so that a caller who
 * may not call it is told so as every other refusal is: a 401 {@code unauthorized} problem without a verified token, a
 * 403 {@code forbidden} problem without the role. Left to the runtime, the first would be the MicroProfile JWT
 * feature's own 401 with an empty body. The runtime's check stays behind this one and agrees with it.
 *
 * <p>The users' API names no roles: any verified token is a user, and {@link CurrentUser} answers the 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RoleCheck implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    public RoleCheck() {
        // for the JAX-RS runtime, which injects the resource
    }

    RoleCheck(ResourceInfo resource) {
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Optional<RolesAllowed> roles = method == null ? Optional.empty() : rolesOf(method);
        if (roles.isEmpty()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (CurrentUser.isAnonymous(security)) {
            throw new NotAuthorizedException("Bearer");
        }
        if (Arrays.stream(roles.get().value()).noneMatch(security::isUserInRole)) {
            throw new ForbiddenException();
        }
    }

    /** The method's {@code @RolesAllowed}, else its class's, as Jakarta Annotations rank them. */
    static Optional<RolesAllowed> rolesOf(Method method) {
        return Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .or(() -> Optional.ofNullable(method.getDeclaringClass().getAnnotation(RolesAllowed.class)));
    }
}
