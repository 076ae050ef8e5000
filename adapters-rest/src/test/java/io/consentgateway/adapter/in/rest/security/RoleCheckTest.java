package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.adapter.in.rest.Callers;
import io.consentgateway.adapter.in.rest.ConsentsResource;
import io.consentgateway.adapter.in.rest.WebhookDeliveriesResource;
import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A resource that names its roles refuses, as a problem, a caller without a token (401) or without the role (403). */
class RoleCheckTest {

    private static Method deliveries() throws NoSuchMethodException {
        return WebhookDeliveriesResource.class.getMethod("list", String.class, String.class, String.class, String.class, jakarta.ws.rs.core.UriInfo.class);
    }

    private static void check(Method method, SecurityContext caller) {
        ResourceInfo resource = mock(ResourceInfo.class);
        when(resource.getResourceMethod()).thenReturn(method);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getSecurityContext()).thenReturn(caller);
        new RoleCheck(resource).filter(request);
    }

    private static Problem refusal(Method method, SecurityContext caller) {
        Throwable refused = catchThrowable(() -> check(method, caller));
        assertThat(refused).isNotNull();
        return ProblemMapper.toProblem(refused);
    }

    @Test
    void withoutAVerifiedTokenTheOperatorsApiIsA401Problem() throws Exception {
        Problem problem = refusal(deliveries(), Callers.anonymous());

        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.type()).endsWith("/unauthorized");
    }

    @Test
    void aUsersTokenOnTheOperatorsApiIsA403Problem() throws Exception {
        Problem problem = refusal(deliveries(), Callers.signedInAs("anna"));

        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.type()).endsWith("/forbidden");
    }

    @Test
    void anOperatorPasses() throws Exception {
        assertThatCode(() -> check(deliveries(), Callers.signedInAs("olga", "operator"))).doesNotThrowAnyException();
    }

    @Test
    void aResourceThatNamesNoRolesIsLeftToTheResourceAndAPreflightToTheRuntime() throws Exception {
        Method consents = ConsentsResource.class.getMethod("list", SecurityContext.class);
        assertThatCode(() -> check(consents, Callers.anonymous())).as("the users' API: CurrentUser's 401")
                .doesNotThrowAnyException();
        assertThatCode(() -> check(null, Callers.anonymous())).as("no resource method").doesNotThrowAnyException();
    }
}
