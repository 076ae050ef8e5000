package io.consentgateway.adapter.out.nrich;

import com.github.tomakehurst.wiremock.http.Fault;
import io.consentgateway.adapter.out.nrich.http.Endpoint;
import io.consentgateway.adapter.out.nrich.http.NrichErrorBody;
import io.consentgateway.adapter.out.nrich.http.NrichFailures;
import io.consentgateway.adapter.kit.ProviderBusy;
import io.consentgateway.application.port.out.ProviderNotReached;
import io.consentgateway.application.port.out.ProviderException;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.token.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way a call can fail ends in exactly one of the application's four provider exceptions. */
class NrichErrorMappingTest extends NrichWireMockTest {

    private static final AccessToken TOKEN = new AccessToken("access-token-xyz");

    @Test
    void internalServerErrorIsProviderUnavailable() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(500, "{\"error\":{\"code\":5000,\"group\":\"server\"}}")));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.accounts(TOKEN));

        assertThat(e).hasMessageContaining("500").hasMessageContaining("5000");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.requestMayHaveBeenProcessed()).isTrue();
    }

    @Test
    void badGatewayWithAnHtmlBodyIsProviderUnavailable() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("502");
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class,
                () -> adapter.transactions(TOKEN, TransactionFilter.all()));

        assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
        assertThat(e).isExactlyInstanceOf(ProviderBusy.class).hasMessageContaining("429"); // not retried by the reads
    }

    @Test
    void tooManyRequestsWithoutRetryAfterIsProviderBusy() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(429)));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.accounts(TOKEN));

        assertThat(e).isExactlyInstanceOf(ProviderBusy.class);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void retryAfterNoLongerThanTheRetryDelayStaysPlainProviderUnavailableAndIsRetried() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderUnavailable.class);

        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void serviceUnavailableHonoursRetryAfterAsAnHttpDate() {
        String inNinetySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(503).withHeader("Retry-After", inNinetySeconds)));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.accounts(TOKEN));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(e).isExactlyInstanceOf(ProviderBusy.class);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "soon")));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.accounts(TOKEN));
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e).isExactlyInstanceOf(ProviderUnavailable.class); // a 503 without a usable wait is retried
    }

    @Test
    void malformedJsonIsProviderUnavailable() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{\"accounts\": [ {\"account_id\": ")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("not the expected JSON");
    }

    @Test
    void jsonOfTheWrongShapeIsProviderUnavailable() {
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{\"accounts\": \"none\"}")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void emptyBodyWhereJsonIsExpectedIsProviderUnavailableNotANullPointer() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        nrich.stubFor(post("/ongoing/access").willReturn(aResponse().withStatus(201)));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false))).isInstanceOf(ProviderUnavailable.class);
    }

    @Test
    void oversizedBodyWithContentLengthIsProviderUnavailable() {
        NrichConsentProvider small = adapter(settings().maxResponseBytes(2048).build());
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, fixture("fixtures/accounts.json") + " ".repeat(4096))));

        assertThatThrownBy(() -> small.accounts(TOKEN))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("exceeds 2048 bytes");
    }

    @Test
    void oversizedChunkedBodyIsCutOffWhileReading() {
        NrichConsentProvider small = adapter(settings().maxResponseBytes(4096).build());
        StringBuilder huge = new StringBuilder("{\"transactions\":[");
        for (int i = 0; i < 2000; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"transaction_id\":\"T").append(i).append("\",\"amount\":1}");
        }
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Transfer-Encoding", "chunked")
                .withChunkedDribbleDelay(4, 20).withBody(huge.append("]}").toString())));

        assertThatThrownBy(() -> small.transactions(TOKEN, TransactionFilter.all()))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("exceeds 4096 bytes");
    }

    @Test
    void readTimeoutOnADataCallIsProviderUnavailable() {
        NrichConsentProvider impatient = adapter(settings().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofMillis(300)).build());
        nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{\"accounts\":[]}").withFixedDelay(2000)));

        ProviderUnavailable e = catchThrowableOfType(ProviderUnavailable.class, () -> impatient.accounts(TOKEN));

        assertThat(e).hasMessageContaining("did not answer in time");
        assertThat(e.requestMayHaveBeenProcessed()).isTrue();
    }

    @Test
    void connectionDroppedMidAnswerIsProviderUnavailableThatMayHaveBeenProcessed() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        nrich.stubFor(post("/auth/token").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        ProviderUnavailable data = catchThrowableOfType(ProviderUnavailable.class, () -> adapter.accounts(TOKEN));
        ProviderUnavailable token = catchThrowableOfType(ProviderUnavailable.class,
                () -> adapter.refresh(new io.consentgateway.domain.token.RefreshToken("r1")));

        assertThat(data.requestMayHaveBeenProcessed()).isTrue();
        assertThat(token.requestMayHaveBeenProcessed()).isTrue();
        assertThat(token).isNotInstanceOf(ProviderNotReached.class);
    }

    @Test
    void connectionRefusedOnADataCallIsProviderNotReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        NrichConsentProvider nowhere = adapter(settings().baseUri(URI.create("http://localhost:" + closedPort + "/nrich")).build());

        assertThat(catchThrowable(() -> nowhere.accounts(TOKEN))).isInstanceOfSatisfying(ProviderNotReached.class,
                e -> assertThat(e.requestMayHaveBeenProcessed()).isFalse());
    }

    @Test
    void badRequestOnADataCallWithErrorDataIsProviderRejected() {
        nrich.stubFor(get(urlPathEqualTo("/rest/transactions")).willReturn(jsonResponse(400, fixture("fixtures/error-validation.json"))));

        assertThatThrownBy(() -> adapter.transactions(TOKEN, TransactionFilter.all()))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("request", "syncPeriod"));
    }

    @Test
    void badRequestWithoutErrorDataIsProviderRejectedWithNoFieldErrors() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(400, "not json at all")));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONGOING_ACCESS, FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false)))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> assertThat(e.fieldErrors()).isEmpty());
    }

    @Test
    void unauthorizedOnADataCallMeansReauthorization() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ReauthorizationRequired.class)
                .hasMessageNotContaining(TOKEN.reveal());
    }

    @Test
    void forbiddenOnADataCallIsAConfigurationFaultNotAReauthorization() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderMisconfigured.class)
                .hasMessageContaining("403").hasMessageContaining("cg.nrich.client-id").hasMessageNotContaining(TOKEN.reveal());
    }

    @Test
    void notFoundOnADataCallIsARejectedRequest() {
        nrich.stubFor(get(urlPathEqualTo("/rest/income-reports/f-1")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> adapter.incomeReport(TOKEN, "f-1")).isExactlyInstanceOf(ProviderRejected.class)
                .hasMessageContaining("404");
    }

    /** Per endpoint group, each 4xx in exactly one class (RFC 6749 §5.2 for the token endpoint). */
    @ParameterizedTest(name = "{0} answering {1} is {2}")
    @CsvSource({
            "FLOW, 400, ProviderRejected",
            "FLOW, 401, ProviderMisconfigured",
            "FLOW, 403, ProviderMisconfigured",
            "FLOW, 404, ProviderMisconfigured",
            "FLOW, 409, ProviderRejected",
            "FLOW, 422, ProviderRejected",
            "TOKEN, 400, ReauthorizationRequired",
            "TOKEN, 401, ProviderMisconfigured",
            "TOKEN, 403, ProviderMisconfigured",
            "TOKEN, 404, ProviderMisconfigured",
            "TOKEN, 409, ProviderRejected",
            "DATA, 400, ProviderRejected",
            "DATA, 401, ReauthorizationRequired",
            "DATA, 403, ProviderMisconfigured",
            "DATA, 404, ProviderRejected",
            "DATA, 410, ProviderRejected"})
    void clientErrorsAreClassifiedPerEndpointGroup(Endpoint endpoint, int status, String expected) {
        ProviderException e = NrichFailures.fromStatus(endpoint, status, null, NrichErrorBody.NONE, CLOCK);

        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e).hasMessageContaining(String.valueOf(status));
    }

    @Test
    void aConfigurationFaultNamesTheKeysToCheck() {
        assertThat(NrichFailures.fromStatus(Endpoint.TOKEN, 401, null, NrichErrorBody.NONE, CLOCK))
                .hasMessageContaining("nrich refused this gateway's client credentials: check cg.nrich.client-id and "
                        + "cg.nrich.client-secret");
        assertThat(NrichFailures.fromStatus(Endpoint.FLOW, 404, null, NrichErrorBody.NONE, CLOCK))
                .hasMessageContaining("check cg.nrich.base-url");
        assertThat(NrichFailures.fromStatus(Endpoint.TOKEN, 404, null, NrichErrorBody.NONE, CLOCK))
                .hasMessageContaining("check cg.nrich.base-url");
    }

    @Test
    void serverSideStatusesStayUnavailableOnEveryEndpointGroup() {
        for (Endpoint endpoint : Endpoint.values()) {
            for (int status : new int[] {408, 500, 502, 503, 504}) {
                assertThat(NrichFailures.fromStatus(endpoint, status, null, NrichErrorBody.NONE, CLOCK))
                        .as("%s %s", endpoint, status).isInstanceOf(ProviderUnavailable.class);
            }
        }
    }

    @Test
    void redirectIsNotFollowedAndIsProviderUnavailable() {
        nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));

        assertThatThrownBy(() -> adapter.accounts(TOKEN)).isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("302");
        nrich.verify(1, getRequestedFor(urlEqualTo("/rest/accounts")));
    }

    @Test
    void onlyTheApplicationsExceptionsEverLeaveTheAdapter() {
        List<Runnable> failures = List.of(
                () -> { nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK))); adapter.accounts(TOKEN); },
                () -> { nrich.stubFor(get("/rest/accounts").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE))); adapter.accounts(TOKEN); },
                () -> { nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "[1,2,3]"))); adapter.accounts(TOKEN); },
                () -> { nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(418, "{\"error\":null}"))); adapter.accounts(TOKEN); },
                () -> { nrich.stubFor(get("/rest/accounts").willReturn(jsonResponse(200, "{\"accounts\":[null, {}]}"))); adapter.accounts(TOKEN); });
        for (Runnable failure : failures) {
            Throwable thrown = catchThrowable(failure::run);
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(ProviderException.class);
            }
        }
    }
}
