package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import io.consentgateway.application.port.in.EraseUser;
import io.consentgateway.application.port.in.EraseUser.ErasureReport;
import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import static io.consentgateway.adapter.in.rest.Callers.anonymous;
import static io.consentgateway.adapter.in.rest.Callers.signedInAs;
import static io.consentgateway.adapter.in.rest.Callers.withATokenWithoutSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The right to erasure, the use case mocked: the user erased is the one the token's subject names — never the token's
 * name, never anyone a request could choose — and a request that names no user erases nobody.
 */
@ExtendWith(MockitoExtension.class)
class MeResourceTest {
    static final String ANNA = "auth0|anna";

    @Mock
    EraseUser eraseUser;

    @Test
    void erasingIs204AndErasesTheUserTheTokensSubjectNames() {
        when(eraseUser.erase(new UserId(ANNA))).thenReturn(new ErasureReport(2, 3, 5));

        Response response = new MeResource(eraseUser).erase(signedInAs(ANNA));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.hasEntity()).as("the counts stay in the audit log").isFalse();
    }

    @Test
    void theTokensNameIsNeverTakenForTheUserToErase() {
        when(eraseUser.erase(any())).thenReturn(new ErasureReport(0, 0, 0));

        new MeResource(eraseUser).erase(signedInAs(ANNA));

        verify(eraseUser).erase(new UserId(ANNA));
        verify(eraseUser, never()).erase(new UserId(Callers.TOKEN_NAME));
    }

    @Test
    void erasingAUserTheGatewayDoesNotKnowIs204Too() {
        when(eraseUser.erase(new UserId("auth0|never-connected"))).thenReturn(new ErasureReport(0, 0, 0));

        assertThat(new MeResource(eraseUser).erase(signedInAs("auth0|never-connected")).getStatus()).isEqualTo(204);
    }

    @Test
    void withoutAVerifiedTokenNobodyIsErased_AndTheAnswerAsksForABearerToken() {
        MeResource resource = new MeResource(eraseUser);

        NotAuthorizedException refused = catchThrowableOfType(NotAuthorizedException.class, () -> resource.erase(anonymous()));

        Response problem = new ProblemMapper().toResponse(refused);
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        verifyNoInteractions(eraseUser);
    }

    @Test
    void aTokenThatNamesNoUserErasesNobody() {
        MeResource resource = new MeResource(eraseUser);

        assertThatThrownBy(() -> resource.erase(withATokenWithoutSubject())).isInstanceOf(NotAuthorizedException.class);
        verifyNoInteractions(eraseUser);
    }
}
