package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderOptionsRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.port.out.contract.ProviderStage.TokenAnswer;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.PkceVerifier;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What every {@link ConsentProvider} must do, whatever provider it speaks to: the in-memory fake, the nrich adapter and
 * the bank adapter each run it (the real adapters against WireMock speaking the provider's documented payloads). A
 * new adapter's first test is a subclass of this one.
 *
 * <p>It pins the behaviour the core relies on: a start tells the provider the state and the registered redirect URI
 * (with a PKCE S256 challenge where the provider takes PKCE); a callback is read into approved, cancelled, failed or
 * "not this flow"; a code exchange and a refresh are made once and never repeated once sent; a refresh without a new
 * refresh token says so instead of inventing one; every failure is classified into exactly one of re-authorization
 * required, configuration fault, unavailable-not-sent and unavailable-in-doubt; transactions are complete and each
 * appears once, however many pages the provider needs.
 */
public abstract class ConsentProviderContract {
    private static final RedirectUri REDIRECT = RedirectUri.parse("https://gateway.example/callback/contract");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The adapter under test, talking to {@link #stage()}; the same instance throughout one test. */
    protected abstract ConsentProvider provider();

    /** The provider side, fresh for each test. */
    protected abstract ProviderStage stage();

    /** A kind of flow the provider offers, used for the start tests. */
    protected FlowKind ongoingKind() {
        return FlowKind.ONGOING_ACCESS;
    }

    @BeforeEach
    void providerOffersOngoingAccess() {
        assertThat(provider().supportedKinds()).as("every provider offers ongoing access").contains(ongoingKind());
    }

    // ---- starting a flow ----

    @Test
    void aStartTellsTheProviderTheStateAndTheRegisteredRedirectUri() {
        State state = newState();
        ProviderFlow started = start(state);

        ProviderStage.StartSeen seen = stage().startSeen(started);
        assertThat(seen.state()).isEqualTo(state.value());
        assertThat(seen.redirectUri()).isEqualTo(REDIRECT.toString());
        assertThat(started.widgetUrl().isAbsolute()).isTrue();
    }

    @Test
    void aProviderThatTakesPkceGetsAnS256ChallengeOfAVerifierKeptForTheExchange() {
        ProviderFlow started = start(newState());

        ProviderStage.StartSeen seen = stage().startSeen(started);
        if (stage().usesPkce()) {
            assertThat(started.pkceVerifier()).as("the verifier is handed back to be stored with the flow").isPresent();
            assertThat(seen.codeChallengeMethod()).contains("S256");
            assertThat(seen.codeChallenge()).contains(s256(started.pkceVerifier().get().reveal()));
        } else {
            assertThat(started.pkceVerifier()).isEmpty();
            assertThat(seen.codeChallenge()).isEmpty();
        }
    }

    @Test
    void twoStartsUseDifferentPkceVerifiers() {
        ProviderFlow first = start(newState());
        ProviderFlow second = start(newState());

        if (stage().usesPkce()) {
            assertThat(first.pkceVerifier().get().reveal()).isNotEqualTo(second.pkceVerifier().get().reveal());
        }
    }

    @Test
    void noProviderOptionsAreAcceptedAndAnUnknownOneIsRejectedByName() {
        assertThat(provider().checkOptions(ongoingKind(), Map.of())).isNotNull();

        ProviderOptionsRejected rejected = catchThrowableOfType(
                () -> provider().checkOptions(ongoingKind(), Map.of("noSuchOptionAnywhere", "x")),
                ProviderOptionsRejected.class);
        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).containsOnlyKeys("noSuchOptionAnywhere");
    }

    // ---- reading the callback ----

    @Test
    void anApprovalIsReadAsApprovedWithItsCode() {
        State state = newState();
        ProviderFlow started = start(state);

        CallbackResult result = interpret(stage().approvedCallback(state, "the-code", started), started);

        assertThat(result).isInstanceOf(CallbackResult.Approved.class);
        assertThat(((CallbackResult.Approved) result).code().reveal()).isEqualTo("the-code");
    }

    @Test
    void aCancellationIsReadAsCancelled() {
        State state = newState();
        ProviderFlow started = start(state);

        assertThat(interpret(stage().cancelledCallback(state, started), started)).isInstanceOf(CallbackResult.Cancelled.class);
    }

    @Test
    void aReportedFailureIsReadAsFailed() {
        State state = newState();
        ProviderFlow started = start(state);

        assertThat(interpret(stage().failedCallback(state, started), started))
                .isEqualTo(CallbackResult.failed(FlowFailure.PROVIDER_REPORTED_FAILURE));
    }

    @Test
    void anApprovalWithoutCodeIsAFailureForLackOfACode() {
        State state = newState();
        ProviderFlow started = start(state);

        assertThat(interpret(stage().approvedWithoutCode(state, started), started))
                .isEqualTo(CallbackResult.failed(FlowFailure.MISSING_CODE));
    }

    @Test
    void anotherFlowsCallbackIsNotThisFlows() {
        State state = newState();
        ProviderFlow started = start(state);

        stage().callbackOfAnotherFlow(state, started).ifPresent(query ->
                assertThat(interpret(query, started)).isInstanceOf(CallbackResult.NotThisFlow.class));
    }

    @Test
    void aCallbackWithNothingButTheStateIsNoApproval() {
        State state = newState();
        ProviderFlow started = start(state);

        assertThat(interpret(Map.of("state", state.value()), started)).isNotInstanceOf(CallbackResult.Approved.class);
    }

    // ---- exchanging a code ----

    @Test
    void anExchangeAnswersTheIssuedPair() {
        stage().tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        IssuedTokens issued = provider().exchangeCode(exchange());

        assertThat(issued.accessToken().reveal()).isEqualTo(stage().issuedAccessToken());
        assertThat(issued.refreshToken().map(RefreshToken::reveal)).contains(stage().issuedRefreshToken());
        assertThat(stage().tokenCalls()).isEqualTo(1);
    }

    @Test
    void anExchangeThatGotNoAnswerIsInDoubtAndMadeOnlyOnce() {
        stage().tokenEndpointAnswers(TokenAnswer.NO_ANSWER);

        ProviderUnavailable failure = catchThrowableOfType(() -> provider().exchangeCode(exchange()), ProviderUnavailable.class);

        assertThat(failure).as("no answer is 'unavailable'").isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).as("the code may be spent").isTrue();
        assertThat(stage().tokenCalls()).as("a sent exchange is never repeated").isEqualTo(1);
    }

    @Test
    void anExchangeAnsweredWithAServerErrorIsInDoubtAndMadeOnlyOnce() {
        stage().tokenEndpointAnswers(TokenAnswer.SERVER_ERROR);

        ProviderUnavailable failure = catchThrowableOfType(() -> provider().exchangeCode(exchange()), ProviderUnavailable.class);

        assertThat(failure).isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).isTrue();
        assertThat(stage().tokenCalls()).isEqualTo(1);
    }

    @Test
    void anExchangeThatCouldNotLeaveIsUnavailableAndNotSent() {
        ProviderUnavailable failure = catchThrowableOfType(() -> stage().unreachableProvider().exchangeCode(exchange()),
                ProviderUnavailable.class);

        assertThat(failure).isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).as("nothing left: safe to try again").isFalse();
    }

    @Test
    void aRefusedCodeRequiresReauthorization() {
        stage().tokenEndpointAnswers(TokenAnswer.GRANT_INVALID);

        assertThatThrownBy(() -> provider().exchangeCode(exchange())).isInstanceOf(ReauthorizationRequired.class);
        assertThat(stage().tokenCalls()).isEqualTo(1);
    }

    // ---- refreshing ----

    @Test
    void aRefreshRotatesThePair() {
        stage().tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        IssuedTokens issued = provider().refresh(new RefreshToken("the-old-refresh-token"));

        assertThat(issued.accessToken().reveal()).isEqualTo(stage().issuedAccessToken());
        assertThat(issued.refreshToken().map(RefreshToken::reveal)).contains(stage().issuedRefreshToken());
        assertThat(stage().tokenCalls()).isEqualTo(1);
    }

    @Test
    void aRefreshAnsweredWithoutRefreshTokenSaysSoSoTheOldOneIsKept() {
        stage().tokenEndpointAnswers(TokenAnswer.ACCESS_ONLY);

        IssuedTokens issued = provider().refresh(new RefreshToken("the-old-refresh-token"));

        assertThat(issued.accessToken().reveal()).isEqualTo(stage().issuedAccessToken());
        assertThat(issued.refreshToken()).as("no refresh token is invented").isEmpty();
    }

    @Test
    void aRefusedGrantRequiresReauthorization() {
        stage().tokenEndpointAnswers(TokenAnswer.GRANT_INVALID);

        assertThatThrownBy(() -> provider().refresh(new RefreshToken("the-old-refresh-token")))
                .isInstanceOf(ReauthorizationRequired.class);
    }

    @Test
    void aRefusedClientIsAConfigurationFaultNeverAReauthorization() {
        stage().tokenEndpointAnswers(TokenAnswer.CLIENT_REFUSED);

        assertThatThrownBy(() -> provider().refresh(new RefreshToken("the-old-refresh-token")))
                .isInstanceOf(ProviderMisconfigured.class);
    }

    @Test
    void aForbiddenTokenEndpointIsAConfigurationFault() {
        stage().tokenEndpointAnswers(TokenAnswer.FORBIDDEN);

        assertThatThrownBy(() -> provider().refresh(new RefreshToken("the-old-refresh-token")))
                .isInstanceOf(ProviderMisconfigured.class);
    }

    @Test
    void aMissingTokenEndpointIsAConfigurationFault() {
        stage().tokenEndpointAnswers(TokenAnswer.NOT_FOUND);

        assertThatThrownBy(() -> provider().refresh(new RefreshToken("the-old-refresh-token")))
                .isInstanceOf(ProviderMisconfigured.class);
    }

    @Test
    void aRefreshThatGotNoAnswerIsInDoubtAndMadeOnlyOnce() {
        stage().tokenEndpointAnswers(TokenAnswer.NO_ANSWER);

        ProviderUnavailable failure = catchThrowableOfType(() -> provider().refresh(new RefreshToken("the-old-refresh-token")),
                ProviderUnavailable.class);

        assertThat(failure).isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).as("the refresh token may have rotated").isTrue();
        assertThat(stage().tokenCalls()).isEqualTo(1);
    }

    @Test
    void aRefreshTheProviderDeclinedWithA503IsNotInDoubtAndSaysHowLongToWait() {
        stage().tokenEndpointAnswers(TokenAnswer.OVERLOADED);

        ProviderUnavailable failure = catchThrowableOfType(() -> provider().refresh(new RefreshToken("the-old-refresh-token")),
                ProviderUnavailable.class);

        assertThat(failure).isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).as("declined, not processed: the token is not spent").isFalse();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(stage().tokenCalls()).as("a refresh is never repeated by the adapter").isEqualTo(1);
    }

    @Test
    void aRefreshThatCouldNotLeaveIsUnavailableAndNotSent() {
        ProviderUnavailable failure = catchThrowableOfType(
                () -> stage().unreachableProvider().refresh(new RefreshToken("the-old-refresh-token")), ProviderUnavailable.class);

        assertThat(failure).isNotNull();
        assertThat(failure.requestMayHaveBeenProcessed()).isFalse();
    }

    // ---- data ----

    @Test
    void transactionsAreCompleteAndEachAppearsOnceAcrossTheProvidersPages() {
        String account = stage().accountWithTransactions("contract-access-token", 237);

        List<Transaction> transactions = provider().transactions(new AccessToken("contract-access-token"),
                TransactionFilter.all());

        assertThat(transactions).hasSize(237);
        assertThat(transactions).allSatisfy(t -> assertThat(t.accountId()).isEqualTo(account));
        Set<String> ids = new HashSet<>();
        transactions.forEach(t -> assertThat(ids.add(t.id())).as("transaction %s appears once", t.id()).isTrue());
    }

    @Test
    void accountsAreReadWithTheAccessToken() {
        String account = stage().accountWithTransactions("contract-access-token", 10);

        assertThat(provider().accounts(new AccessToken("contract-access-token")))
                .extracting(a -> a.id()).contains(account);
    }

    @Test
    void aRefusedAccessTokenOnADataCallRequiresReauthorization() {
        stage().accountWithTransactions("contract-access-token", 10);
        stage().accessTokenRefused("contract-access-token");

        assertThatThrownBy(() -> provider().accounts(new AccessToken("contract-access-token")))
                .isInstanceOf(ReauthorizationRequired.class);
    }

    // ---- secrets ----

    @Test
    void noFailureMessageCarriesATokenOrACode() {
        stage().tokenEndpointAnswers(TokenAnswer.GRANT_INVALID);

        Throwable failure = catchThrowableOfType(() -> provider().refresh(new RefreshToken("refresh-secret-4711")),
                RuntimeException.class);
        Throwable exchangeFailure = catchThrowableOfType(() -> provider().exchangeCode(new CodeExchange(
                new AuthorizationCode("code-secret-4711"), REDIRECT, Optional.empty())), RuntimeException.class);

        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("refresh-secret-4711");
        }
        for (Throwable t = exchangeFailure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("code-secret-4711");
        }
    }

    // ---- helpers ----

    private ProviderFlow start(State state) {
        stage().flowStartSucceeds();
        FlowOptions options = FlowOptions.defaultsFor(ongoingKind())
                .withProviderOptions(provider().checkOptions(ongoingKind(), Map.of()));
        return provider().startFlow(new ProviderFlowRequest(ongoingKind(), state, REDIRECT, new UserId("contract-user"),
                options, false));
    }

    private CallbackResult interpret(Map<String, String> query, ProviderFlow started) {
        return provider().interpretCallback(new CallbackParameters(query), started.providerFlowId());
    }

    private static CodeExchange exchange() {
        return new CodeExchange(new AuthorizationCode("a-code"), REDIRECT,
                Optional.of(new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")));
    }

    private static State newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return State.fromRandomBytes(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
