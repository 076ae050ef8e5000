package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.dto.FlowCreatedResponse;
import io.consentgateway.adapter.in.rest.dto.FlowResponse;
import io.consentgateway.adapter.in.rest.dto.JsonBody;
import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.StartFlow;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.in.ViewFlow;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Captor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.consentgateway.adapter.in.rest.Callers.anonymous;
import static io.consentgateway.adapter.in.rest.Callers.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Starting, viewing and confirming a flow, the use cases mocked: the body becomes a {@link StartFlowCommand} for the
 * signed-in user (the token's subject), the answer becomes a 201 with the flow's address and the widget to send the
 * user to; a body that names no kind, or is no JSON, never reaches the use case.
 */
@ExtendWith(MockitoExtension.class)
class FlowsResourceTest {
    static final String ANNA = "auth0|anna";
    static final ProviderId DEFAULT_PROVIDER = new ProviderId("nrich");
    static final FlowId FLOW = FlowId.parse("5b7c0c1e-8a52-4a39-9d0f-6f1d1b2b3c4d");
    static final URI WIDGET = URI.create("https://sandbox.nrich.example/widget/3ca31c37-986a-454e-ad64-8e97143c86bc");
    static final Instant CREATED_AT = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant EXPIRES_AT = Instant.parse("2026-11-22T11:00:00Z");
    static final String CONFIRMATION = "q3Xr0c1m7Yk4V2f9n8PzL5wA6tB1sD0eHjKuMoQiRgE";
    /** Ongoing access in English, one pre-selected account, 30 days of history, back to the fintech's page; no provider. */
    static final String ONGOING_ACCESS_IN_ENGLISH = """
            {"kind":"ONGOING_ACCESS","language":"en","accounts":["DE89370400440532013000"],"syncPeriod":30,
             "returnTo":"https://fintech.example/connected"}""";

    @Mock
    StartFlow startFlow;
    @Mock
    ViewFlow viewFlow;
    @Mock
    CompleteFlow completeFlow;
    @Mock
    UriInfo uri;
    @Captor
    ArgumentCaptor<StartFlowCommand> command;

    FlowsResource resource() {
        return new FlowsResource(startFlow, viewFlow, completeFlow, DEFAULT_PROVIDER);
    }

    @Test
    void aStartedFlowIs201WithItsAddressAndTheWidgetToSendTheUserTo() {
        when(uri.getBaseUriBuilder()).thenReturn(UriBuilder.fromUri("https://gateway.example/"));
        when(startFlow.start(any())).thenReturn(new FlowStarted(FLOW, WIDGET, EXPIRES_AT));

        Response response = resource().start(ONGOING_ACCESS_IN_ENGLISH, signedInAs(ANNA), uri);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isEqualTo(URI.create("https://gateway.example/api/v1/flows/" + FLOW));
        assertThat(response.getEntity()).isEqualTo(new FlowCreatedResponse(FLOW.toString(), WIDGET.toString(),
                "2026-11-22T11:00:00Z"));
    }

    @Test
    void theBodyBecomesTheSignedInUsersCommand_AndAFlowThatNamesNoProviderGoesToTheDefaultProvider() {
        when(uri.getBaseUriBuilder()).thenReturn(UriBuilder.fromUri("https://gateway.example/"));
        when(startFlow.start(any())).thenReturn(new FlowStarted(FLOW, WIDGET, EXPIRES_AT));

        resource().start(ONGOING_ACCESS_IN_ENGLISH, signedInAs(ANNA), uri);

        verify(startFlow).start(command.capture());
        StartFlowCommand asked = command.getValue();
        assertThat(asked.userId()).isEqualTo(new UserId(ANNA));
        assertThat(asked.provider()).isEqualTo(DEFAULT_PROVIDER);
        assertThat(asked.kind()).isEqualTo(FlowKind.ONGOING_ACCESS);
        assertThat(asked.options().language()).isEqualTo(Language.EN);
        assertThat(asked.options().accounts()).containsExactly(AccountReference.parse("DE89370400440532013000"));
        assertThat(asked.options().syncPeriod()).contains(new SyncPeriod(30));
        assertThat(asked.providerOptions()).isEmpty();
        assertThat(asked.returnTo()).contains(URI.create("https://fintech.example/connected"));
        assertThat(asked.completion()).as("left to the gateway's setting").isEmpty();
    }

    @Test
    void anOptionSentAsADeprecatedTopLevelFieldTravelsAsAProviderOption_AndIsBlamedByTheFieldTheClientSent() {
        when(startFlow.start(any())).thenThrow(InvalidInput.of("providerOptions.trackingId", "is too long"));
        FlowsResource resource = resource();

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> resource.start("""
                {"kind":"ONGOING_ACCESS","trackingId":"campaign-7"}""", signedInAs(ANNA), uri));

        verify(startFlow).start(command.capture());
        assertThat(command.getValue().providerOptions()).isEqualTo(Map.of("trackingId", "campaign-7"));
        assertThat(refused.errors()).containsExactly(new FieldError("trackingId", "is too long"));
    }

    @Test
    void aFlowStartedWithoutAKindIsRefusedBeforeTheUseCase_AsAProblemNamingTheField() {
        FlowsResource resource = resource();

        InvalidInput refused = catchThrowableOfType(InvalidInput.class,
                () -> resource.start("{\"language\":\"en\"}", signedInAs(ANNA), uri));

        Problem problem = (Problem) new ProblemMapper().toResponse(refused).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://consent-gateway.io/problems/invalid-input");
        assertThat(problem.errors()).containsExactly(new Problem.FieldProblem("kind", "is required"));
        verifyNoInteractions(startFlow);
    }

    @Test
    void aBodyThatIsNoJsonIsMalformedAndNeverReachesTheUseCase() {
        FlowsResource resource = resource();

        assertThatThrownBy(() -> resource.start("{\"kind\": ONGOING", signedInAs(ANNA), uri))
                .isInstanceOf(JsonBody.MalformedBody.class);
        verifyNoInteractions(startFlow);
    }

    @Test
    void withoutAVerifiedTokenNoFlowIsStarted_AndTheAnswerAsksForABearerToken() {
        FlowsResource resource = resource();

        NotAuthorizedException refused = catchThrowableOfType(NotAuthorizedException.class,
                () -> resource.start("{\"kind\":\"ONGOING_ACCESS\"}", anonymous(), uri));

        Response problem = new ProblemMapper().toResponse(refused);
        assertThat(problem.getStatus()).isEqualTo(401);
        assertThat(problem.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        verifyNoInteractions(startFlow);
    }

    @Test
    void aFlowIsLookedUpAsTheSignedInUsersAndAnsweredFieldByField() {
        when(viewFlow.view(new UserId(ANNA), FLOW)).thenReturn(new FlowView(FLOW, DEFAULT_PROVIDER, FlowKind.ONGOING_ACCESS,
                FlowStatus.AWAITING_USER, CREATED_AT, EXPIRES_AT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(WIDGET)));

        FlowResponse flow = resource().get(FLOW.toString(), signedInAs(ANNA));

        assertThat(flow).isEqualTo(new FlowResponse(FLOW.toString(), "nrich", "ONGOING_ACCESS", "AWAITING_USER",
                "2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z", null, null, null, WIDGET.toString()));
    }

    @Test
    void aFlowIdThatIsNoUuidIsNotFoundWithoutAsking() {
        FlowsResource resource = resource();

        assertThatThrownBy(() -> resource.get("flow-1", signedInAs(ANNA))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> resource.complete("flow-1", "{\"confirmation\":\"" + CONFIRMATION + "\"}", signedInAs(ANNA)))
                .isInstanceOf(NotFound.class);
        verifyNoInteractions(viewFlow, completeFlow);
    }

    @Test
    void aConfirmationCompletesTheFlowForTheUserWhoPresentsIt() {
        ConsentId granted = ConsentId.parse("0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b");
        Instant completedAt = Instant.parse("2026-11-22T10:02:10Z");
        when(completeFlow.complete(new UserId(ANNA), FLOW, new ConfirmationCode(CONFIRMATION))).thenReturn(new FlowView(FLOW,
                DEFAULT_PROVIDER, FlowKind.ONGOING_ACCESS, FlowStatus.COMPLETED, CREATED_AT, EXPIRES_AT,
                Optional.of(completedAt), Optional.of(granted), Optional.empty(), Optional.empty()));

        FlowResponse flow = resource().complete(FLOW.toString(), "{\"confirmation\":\"" + CONFIRMATION + "\"}", signedInAs(ANNA));

        assertThat(flow.status()).isEqualTo("COMPLETED");
        assertThat(flow.consentId()).isEqualTo(granted.toString());
        assertThat(flow.endedAt()).isEqualTo("2026-11-22T10:02:10Z");
        assertThat(flow.widgetUrl()).as("an ended flow has no widget to go back to").isNull();
    }

    @Test
    void aCompletionWithoutAConfirmationIsRefusedBeforeTheUseCase() {
        FlowsResource resource = resource();

        assertThatThrownBy(() -> resource.complete(FLOW.toString(), "{}", signedInAs(ANNA)))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .extracting(FieldError::field).containsExactly("confirmation"));
        verifyNoInteractions(completeFlow);
    }
}
