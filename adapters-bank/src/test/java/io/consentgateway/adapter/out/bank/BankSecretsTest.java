package io.consentgateway.adapter.out.bank;

import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.port.out.contract.ProviderStage.TokenAnswer;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** No exception message and no {@code toString()} carries the client secret, a token, a code or the PKCE verifier. */
class BankSecretsTest extends BankWireMockTest {
    private static final String CODE = "code-secret-4711";
    private static final String VERIFIER = "verifier-secret-4711-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String REFRESH = "refresh-secret-4711";
    private static final String ACCESS = "access-secret-4711";

    @Test
    void noFailureOfAnyKindQuotesASecret() {
        List<Throwable> failures = new ArrayList<>();
        for (TokenAnswer answer : List.of(TokenAnswer.GRANT_INVALID, TokenAnswer.CLIENT_REFUSED, TokenAnswer.FORBIDDEN,
                TokenAnswer.NOT_FOUND, TokenAnswer.SERVER_ERROR, TokenAnswer.NO_ANSWER)) {
            bank.resetAll();
            stage.tokenEndpointAnswers(answer);
            failures.add(catchThrowable(() -> adapter.exchangeCode(new CodeExchange(new AuthorizationCode(CODE), REDIRECT,
                    Optional.of(new PkceVerifier(VERIFIER))))));
            failures.add(catchThrowable(() -> adapter.refresh(new RefreshToken(REFRESH))));
        }
        for (int status : new int[] {400, 401, 403, 404, 500, 503}) {
            bank.resetAll();
            // a bank that echoes what it was sent must not get it into our messages
            bank.stubFor(any(urlPathMatching("/bank/api/.*")).willReturn(BankStage.json(status,
                    BankStage.error("invalid_request", "token " + ACCESS + " secret " + BankStage.CLIENT_SECRET))));
            failures.add(catchThrowable(() -> adapter.accounts(new AccessToken(ACCESS))));
            failures.add(catchThrowable(() -> adapter.transactions(new AccessToken(ACCESS), TransactionFilter.all())));
        }
        bank.resetAll();
        bank.stubFor(any(urlPathMatching("/bank/.*")).willReturn(BankStage.json(200,
                "{\"access_token\": " + ACCESS + " " + REFRESH + " " + CODE)));
        failures.add(catchThrowable(() -> adapter.refresh(new RefreshToken(REFRESH))));
        failures.add(catchThrowable(() -> adapter.accounts(new AccessToken(ACCESS))));

        assertThat(failures).hasSize(26).doesNotContainNull();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()) + " " + t)
                        .doesNotContain(CODE, VERIFIER, REFRESH, ACCESS, BankStage.CLIENT_SECRET, BankStage.ISSUED_ACCESS,
                                BankStage.ISSUED_REFRESH);
            }
        }
    }

    @Test
    void noToStringShowsASecret() {
        BankSettings settings = stage.settings().build();
        ProviderFlow flow = adapter.startFlow(request(FlowKind.ONGOING_ACCESS, false));
        String verifier = flow.pkceVerifier().orElseThrow().reveal();
        stage.tokenEndpointAnswers(TokenAnswer.NEW_PAIR);

        List<Object> printed = List.of(settings, adapter, flow,
                adapter.refresh(new RefreshToken(REFRESH)),
                new CallbackParameters(Map.of("code", CODE, "state", "s".repeat(43))),
                adapter.interpretCallback(new CallbackParameters(Map.of("code", CODE)), Optional.empty()),
                new io.consentgateway.adapter.kit.BasicClientAuthentication(BankStage.CLIENT_ID, BankStage.CLIENT_SECRET));

        assertThat(printed).allSatisfy(o -> assertThat(o.toString())
                .doesNotContain(BankStage.CLIENT_SECRET, CODE, REFRESH, verifier, BankStage.ISSUED_ACCESS, BankStage.ISSUED_REFRESH));
        assertThat(settings.toString()).contains(BankStage.CLIENT_ID).contains("clientSecret=***");
    }
}
