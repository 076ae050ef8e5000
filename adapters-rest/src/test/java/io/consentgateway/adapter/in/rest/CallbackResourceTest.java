package io.consentgateway.adapter.in.rest;

import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.CallbackOutcome.Outcome;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The providers' browser redirects, the use case mocked. Public: no user here, the state authenticates the callback.
 * The query is handed on unparsed with the endpoint it arrived at; the answer is a 303 to the front end carrying the flow
 * and its outcome (and why it failed, or the confirmation to present), never the provider's code, never cached, sent
 * without a referrer. A callback the provider cannot take yet gets a page that repeats it; one without a valid state,
 * or at an endpoint that names no provider, never reaches the use case.
 */
@ExtendWith(MockitoExtension.class)
class CallbackResourceTest {
    /** The gateway's state as the provider hands it back: 22 URL-safe Base64 characters, 128 random bits. */
    static final String STATE = "hJ9rTq2wX5vB8nK3mP6sLw";
    static final String PROVIDERS_CODE = "nrich-code-7d41f0";
    static final FlowId FLOW = FlowId.parse("5b7c0c1e-8a52-4a39-9d0f-6f1d1b2b3c4d");
    static final ConsentId GRANTED = ConsentId.parse("0f8e4b8e-2d2c-4f7e-a1d2-9b0c3e4f5a6b");
    static final URI RESULT_PAGE = URI.create("https://fintech.example/connect/result");
    static final URI FLOWS_RETURN_TO = URI.create("https://fintech.example/connected?tab=banks");

    @Mock
    HandleCallback handleCallback;
    @Mock
    UriInfo uri;

    CallbackResource resource() {
        return new CallbackResource(handleCallback, new CallbackSettings(RESULT_PAGE));
    }

    /** The provider sent the browser back with these query parameters. */
    UriInfo arrivingWith(MultivaluedMap<String, String> query) {
        when(uri.getQueryParameters()).thenReturn(query);
        return uri;
    }

    static MultivaluedMap<String, String> query(Map<String, String> parameters) {
        return new MultivaluedHashMap<>(parameters);
    }

    static CallbackOutcome outcome(Outcome outcome, Optional<URI> returnTo) {
        return new CallbackOutcome(FLOW, outcome, Optional.empty(), Optional.empty(), returnTo, Optional.empty());
    }

    @Test
    void aProvidersCallbackIsHandedOnWithItsEndpointAndEveryParameterUnparsed() {
        when(handleCallback.handle(any())).thenReturn(outcome(Outcome.COMPLETED, Optional.of(FLOWS_RETURN_TO)));

        resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        verify(handleCallback).handle(new CallbackCommand(Optional.of(new ProviderId("nrich")), State.of(STATE),
                Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE)));
    }

    @Test
    void aQueryWithAMalformedEscapeIsABadRequestThatNeverQuotesTheUri_TheUseCaseIsNotAsked() {
        when(uri.getQueryParameters()).thenThrow(new IllegalArgumentException(
                "Malformed escape pair at index 60: https://gateway.example/callback?code=" + PROVIDERS_CODE + "&x=%ZZ"));

        BadRequestException refused = catchThrowableOfType(() -> resource().providerCallback("nrich", uri),
                BadRequestException.class);

        assertThat(refused.getMessage()).doesNotContain(PROVIDERS_CODE);
        assertThat(refused.getCause()).isNull();
        Problem problem = (Problem) new ProblemMapper().toResponse(refused).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).endsWith("/malformed-request");
        verifyNoInteractions(handleCallback);
    }

    @Test
    void theBareCallbackPathNamesNoEndpoint_TheUseCaseKnowsWhichProviderOwnsIt() {
        when(handleCallback.handle(any())).thenReturn(outcome(Outcome.COMPLETED, Optional.of(FLOWS_RETURN_TO)));

        resource().callback(arrivingWith(query(Map.of("state", STATE, "code", PROVIDERS_CODE))));

        verify(handleCallback).handle(new CallbackCommand(Optional.empty(), State.of(STATE),
                Map.of("state", STATE, "code", PROVIDERS_CODE)));
    }

    @Test
    void aCompletedFlowIs303ToItsReturnToWithFlowAndOutcomeOnly_NeverCachedNorReferred() {
        when(handleCallback.handle(any())).thenReturn(new CallbackOutcome(FLOW, Outcome.COMPLETED, Optional.of(GRANTED),
                Optional.empty(), Optional.of(FLOWS_RETURN_TO), Optional.empty()));

        Response response = resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).isEqualTo(
                URI.create("https://fintech.example/connected?tab=banks&flow=" + FLOW + "&outcome=COMPLETED"));
        assertThat(response.getLocation().toString()).doesNotContain(PROVIDERS_CODE).doesNotContain(STATE)
                .doesNotContain(GRANTED.toString());
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aFlowThatNamedNoReturnToGoesToTheConfiguredResultPage() {
        when(handleCallback.handle(any())).thenReturn(outcome(Outcome.CANCELLED, Optional.empty()));

        Response response = resource().providerCallback("nrich", arrivingWith(query(Map.of("state", STATE, "abort", "true"))));

        assertThat(response.getLocation()).isEqualTo(
                URI.create("https://fintech.example/connect/result?flow=" + FLOW + "&outcome=CANCELLED"));
    }

    @Test
    void aFailedFlowTellsTheFrontEndWhyInLowerCase() {
        when(handleCallback.handle(any())).thenReturn(new CallbackOutcome(FLOW, Outcome.FAILED, Optional.empty(),
                Optional.of(FlowFailure.EXCHANGE_REJECTED), Optional.empty(), Optional.empty()));

        Response response = resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        assertThat(response.getLocation()).isEqualTo(URI.create(
                "https://fintech.example/connect/result?flow=" + FLOW + "&outcome=FAILED&reason=exchange_rejected"));
    }

    @Test
    void aFlowCompletedByConfirmationHandsTheConfirmationToTheBrowserThatCameBack() {
        String confirmation = "q3Xr0c1m7Yk4V2f9n8PzL5wA6tB1sD0eHjKuMoQiRgE";
        when(handleCallback.handle(any())).thenReturn(new CallbackOutcome(FLOW, Outcome.CONFIRMATION_REQUIRED,
                Optional.empty(), Optional.empty(), Optional.of(FLOWS_RETURN_TO),
                Optional.of(new ConfirmationCode(confirmation))));

        Response response = resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        assertThat(response.getLocation()).isEqualTo(URI.create("https://fintech.example/connected?tab=banks&flow=" + FLOW
                + "&outcome=CONFIRMATION_REQUIRED&confirmation=" + confirmation));
    }

    @Test
    void parametersTheReturnToAlreadyCarriesUnderTheGatewaysNamesAreReplacedNotRepeated() {
        URI returnToWithStaleParameters = URI.create(
                "https://fintech.example/connected?flow=stale&outcome=COMPLETED&reason=stale&confirmation=stale&tab=banks");
        when(handleCallback.handle(any())).thenReturn(outcome(Outcome.EXPIRED, Optional.of(returnToWithStaleParameters)));

        Response response = resource().providerCallback("nrich", arrivingWith(query(Map.of("state", STATE))));

        assertThat(response.getLocation()).isEqualTo(
                URI.create("https://fintech.example/connected?tab=banks&flow=" + FLOW + "&outcome=EXPIRED"));
    }

    @Test
    void whenTheProviderCannotTakeTheCodeYetTheBrowserGetsA503PageThatRepeatsTheSameCallback() {
        when(handleCallback.handle(any())).thenThrow(new TryAgainLater("exchanges in flight", Duration.ofSeconds(7)));

        Response response = resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(response.getMediaType().toString()).startsWith("text/html");
        assertThat((String) response.getEntity()).contains("<meta http-equiv=\"refresh\" content=\"7\">")
                .doesNotContain(PROVIDERS_CODE).doesNotContain(STATE);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void whenTheGatewaysDatabaseIsOutOfReachTheBrowserGetsTheSamePageNotAnInternalError() {
        when(handleCallback.handle(any())).thenThrow(new GatewayUnavailable("database out of reach", Duration.ofSeconds(5)));

        Response response = resource().providerCallback("nrich",
                arrivingWith(query(Map.of("state", STATE, "success", "true", "code", PROVIDERS_CODE))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat((String) response.getEntity()).contains("<meta http-equiv=\"refresh\" content=\"5\">")
                .doesNotContain(PROVIDERS_CODE).doesNotContain(STATE);
    }

    @Test
    void aCallbackWithoutAValidStateOrWithARepeatedParameterIsRefusedBeforeTheUseCase() {
        CallbackResource resource = resource();
        MultivaluedMap<String, String> codeTwice = query(Map.of("state", STATE));
        codeTwice.addAll("code", PROVIDERS_CODE, "another-code");

        InvalidCallback withoutState = catchThrowableOfType(InvalidCallback.class,
                () -> resource.providerCallback("nrich", arrivingWith(query(Map.of("code", PROVIDERS_CODE)))));
        assertThatThrownBy(() -> resource.providerCallback("nrich", arrivingWith(codeTwice)))
                .isInstanceOf(InvalidCallback.class);

        Problem problem = (Problem) new ProblemMapper().toResponse(withoutState).getEntity();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).isEqualTo("https://consent-gateway.io/problems/invalid-callback");
        verifyNoInteractions(handleCallback);
    }

    @Test
    void anEndpointThatCannotNameAProviderIsNotFoundBeforeTheUseCase() {
        CallbackResource resource = resource();

        assertThatThrownBy(() -> resource.providerCallback("Tatra Banka",
                arrivingWith(query(Map.of("state", STATE, "code", PROVIDERS_CODE))))).isInstanceOf(NotFound.class);
        verifyNoInteractions(handleCallback);
    }
}
