package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.ProviderResponse;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import io.consentgateway.application.port.in.ListProviders;
import io.consentgateway.application.port.in.ListProviders.ProviderView;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ProviderId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.util.List;
import java.util.Set;

import static io.consentgateway.adapter.in.rest.Callers.anonymous;
import static io.consentgateway.adapter.in.rest.Callers.signedInAs;
import static io.consentgateway.adapter.in.rest.Callers.withATokenWithoutSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The installed providers, the use case mocked: the same list for every signed-in user, in the use case's order (the
 * default first), each provider's kinds in a stable order; without a user, nothing is listed.
 */
@ExtendWith(MockitoExtension.class)
class ProvidersResourceTest {
    static final String ANNA = "auth0|anna";

    @Mock
    ListProviders listProviders;

    @Test
    void theProvidersAreListedInTheUseCasesOrderWithTheirKindsSortedByName() {
        when(listProviders.list()).thenReturn(List.of(
                new ProviderView(new ProviderId("nrich"),
                        Set.of(FlowKind.ONGOING_ACCESS, FlowKind.ONE_TIME_ACCESS, FlowKind.INCOME_REPORT), true),
                new ProviderView(new ProviderId("tatrabanka"), Set.of(FlowKind.ONGOING_ACCESS), false)));

        List<ProviderResponse> providers = new ProvidersResource(listProviders).list(signedInAs(ANNA));

        assertThat(providers).containsExactly(
                new ProviderResponse("nrich", List.of("INCOME_REPORT", "ONE_TIME_ACCESS", "ONGOING_ACCESS"), true),
                new ProviderResponse("tatrabanka", List.of("ONGOING_ACCESS"), false));
    }

    @Test
    void aGatewayWithoutProvidersListsNone() {
        when(listProviders.list()).thenReturn(List.of());

        assertThat(new ProvidersResource(listProviders).list(signedInAs(ANNA))).isEmpty();
    }

    @Test
    void withoutAVerifiedTokenNothingIsListed_AndTheAnswerAsksForABearerToken() {
        ProvidersResource resource = new ProvidersResource(listProviders);

        NotAuthorizedException refused = catchThrowableOfType(NotAuthorizedException.class, () -> resource.list(anonymous()));

        Response problem = new ProblemMapper().toResponse(refused);
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        verifyNoInteractions(listProviders);
    }

    @Test
    void aTokenThatNamesNoUserListsNothingEither() {
        ProvidersResource resource = new ProvidersResource(listProviders);

        assertThatThrownBy(() -> resource.list(withATokenWithoutSubject())).isInstanceOf(NotAuthorizedException.class);
        verifyNoInteractions(listProviders);
    }
}
