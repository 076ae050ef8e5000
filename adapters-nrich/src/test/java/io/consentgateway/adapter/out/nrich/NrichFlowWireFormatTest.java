package io.consentgateway.adapter.out.nrich;

import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flow initiation: {@code /ongoing/access}, {@code /onetime/access}, {@code /onetime/income-report}, {@code /ongoing/sync}. */
class NrichFlowWireFormatTest extends NrichWireMockTest {

    private static final String CREATED = fixture("seeds/002_flow-created.response.json");

    /** The seed's body with the seed's UUID state replaced by ours (the domain forbids UUID states). */
    private static String seedWithOurState(String seedPath) {
        JsonObject seed = json(fixture(seedPath));
        return Json.createObjectBuilder(seed).add("state", state().value()).build().toString();
    }

    @Test
    void ongoingAccessSendsAllElevenParametersExactlyAsTheSeedExample() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, CREATED)));
        FlowOptions options = new FlowOptions(Language.DE, List.of(), Optional.of(new SyncPeriod(90)), Optional.empty(),
                adapter.checkOptions(FlowKind.ONGOING_ACCESS, Map.of("trackingId", "string",
                        "providerId", "74bab9d2-9f60-4ab1-be63-706e67b99f58", "saveSecrets", false)));
        ProviderFlowRequest request = new ProviderFlowRequest(FlowKind.ONGOING_ACCESS, state(), REDIRECT,
                new UserId("[email protected]"), options, false);

        adapter.startFlow(request);

        nrich.verify(1, postRequestedFor(urlEqualTo("/ongoing/access"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(seedWithOurState("seeds/000_ongoing-access.request.json"), false, false)));
    }

    @Test
    void ongoingAccessPassesPreselectedAccountsAsTheSeedSnippetShows() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, CREATED)));
        FlowOptions options = new FlowOptions(Language.EN, List.of(AccountReference.parse("DE82 9009 4815 0000 0028 81")),
                Optional.empty(), Optional.empty(), adapter.checkOptions(FlowKind.ONGOING_ACCESS, Map.of(
                        "accountTypes", List.of("Giro account"), "allowMultiSelection", false, "saveSecrets", true)));

        adapter.startFlow(request(FlowKind.ONGOING_ACCESS, options, false));

        String snippet = "{" + fixture("seeds/000_accounts-parameter.json").strip() + "}";
        nrich.verify(postRequestedFor(urlEqualTo("/ongoing/access")).withRequestBody(equalToJson(snippet, false, true)));
        JsonObject body = json(requests().get(0).getBodyAsString());
        assertThat(body.getJsonArray("account_types").getString(0)).isEqualTo("Giro account");
        assertThat(body.getBoolean("allow_multi_selection")).isFalse();
        assertThat(body.getBoolean("save_secrets")).isTrue();
        assertThat(body.getString("language")).isEqualTo("en");
        assertThat(body.getInt("sync_period")).isEqualTo(90); // the domain's default, filled for an access flow
        assertThat(body.getString("user_id")).isEqualTo("user-42");
    }

    @Test
    void absentOptionalFieldsAreLeftOutRatherThanSentAsNull() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, CREATED)));

        adapter.startFlow(request(FlowKind.ONGOING_ACCESS, FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false));

        String body = requests().get(0).getBodyAsString();
        assertThat(body).doesNotContain("null").doesNotContain("tracking_id").doesNotContain("provider_id");
        assertThat(json(body).keySet()).containsExactlyInAnyOrder("state", "redirect_uri", "language", "accounts",
                "account_types", "allow_multi_selection", "sync_period", "save_secrets", "user_id");
    }

    @Test
    void flowCreatedAnswerMapsToTheWidgetLocationAndTheFlowId() {
        nrich.stubFor(post("/onetime/access").willReturn(jsonResponse(201, CREATED)));

        ProviderFlow flow = adapter.startFlow(request(FlowKind.ONE_TIME_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONE_TIME_ACCESS), false));

        assertThat(flow.widgetUrl()).isEqualTo(URI.create("https://widget.qwist.cloud/?token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9..."));
        assertThat(flow.providerFlowId()).contains("3ca31c37-986a-454e-ad64-8e97143c86bc");
        assertThat(flow.pkceVerifier()).isEmpty();
    }

    /** Even options stored for an ongoing access (checkOptions refuses them for this kind) never reach /onetime/access. */
    @Test
    void oneTimeAccessSendsTheSeedExampleAndNoUserId() {
        nrich.stubFor(post("/onetime/access").willReturn(jsonResponse(201, CREATED)));
        ProviderOptions ongoingOnly = ProviderOptions.NONE.with("trackingId", "tracked").with("providerId", "bank-1")
                .withFlag("saveSecrets", true);
        FlowOptions options = new FlowOptions(Language.DE, List.of(AccountReference.parse("DE89370400440532013000")),
                Optional.of(new SyncPeriod(90)), Optional.empty(), ongoingOnly);

        adapter.startFlow(request(FlowKind.ONE_TIME_ACCESS, options, false));

        nrich.verify(1, postRequestedFor(urlEqualTo("/onetime/access"))
                .withHeader("Authorization", equalTo(basicHeader()))
                .withRequestBody(equalToJson(fixture("seeds/002_onetime-access.request.json"), false, true)));
        JsonObject body = json(requests().get(0).getBodyAsString());
        assertThat(body.keySet()).doesNotContain("user_id", "save_secrets", "tracking_id", "provider_id")
                .containsExactlyInAnyOrder("redirect_uri", "language", "accounts", "account_types",
                        "allow_multi_selection", "sync_period", "state");
        assertThat(body.getString("state")).isEqualTo(state().value());
    }

    @Test
    void incomeReportFlowSendsTheSeedExampleWithItsSyncPeriod() {
        nrich.stubFor(post("/onetime/income-report").willReturn(jsonResponse(201, fixture("seeds/004_flow-created.response.json"))));
        FlowOptions options = new FlowOptions(Language.DE, List.of(), Optional.of(new SyncPeriod(180)), Optional.empty(),
                adapter.checkOptions(FlowKind.INCOME_REPORT, Map.of()));

        ProviderFlow flow = adapter.startFlow(request(FlowKind.INCOME_REPORT, options, false));

        nrich.verify(1, postRequestedFor(urlEqualTo("/onetime/income-report"))
                .withRequestBody(equalToJson(seedWithOurState("seeds/004_income-report.request.json"), false, false)));
        assertThat(flow.widgetUrl().getHost()).isEqualTo("finx.finleap.cloud");
        assertThat(flow.providerFlowId()).contains("3ca31c37-986a-454e-ad64-8e97143c86bc");
    }

    @Test
    void incomeReportFlowSendsAReportingPeriodInsteadOfASyncPeriodNeverBoth() {
        nrich.stubFor(post("/onetime/income-report").willReturn(jsonResponse(201, CREATED)));
        FlowOptions options = new FlowOptions(Language.DE, List.of(), Optional.empty(), Optional.of(new ReportingPeriod(6)),
                ProviderOptions.NONE);

        adapter.startFlow(request(FlowKind.INCOME_REPORT, options, false));

        JsonObject body = json(requests().get(0).getBodyAsString());
        assertThat(body.getInt("reporting_period")).isEqualTo(6);
        assertThat(body.keySet()).doesNotContain("sync_period", "user_id");
    }

    @Test
    void renewalOfAnOngoingAccessCallsOngoingSync() {
        nrich.stubFor(post("/ongoing/sync").willReturn(jsonResponse(201, CREATED)));
        FlowOptions options = new FlowOptions(Language.FR, List.of(AccountReference.parse("DE89370400440532013000"),
                AccountReference.parse("1234567890")), Optional.of(new SyncPeriod(30)), Optional.empty(),
                adapter.checkOptions(FlowKind.ONGOING_ACCESS, Map.of("saveSecrets", true)));

        ProviderFlow flow = adapter.startFlow(request(FlowKind.ONGOING_ACCESS, options, true));

        String expected = """
                {"state": "%s", "redirect_uri": "https://my-app.example.com/callback", "language": "fr",
                 "sync_period": 30, "save_secrets": true, "account_ids": ["DE89370400440532013000", "1234567890"],
                 "user_id": "user-42"}""".formatted(state().value());
        nrich.verify(1, postRequestedFor(urlEqualTo("/ongoing/sync"))
                .withHeader("Authorization", equalTo(basicHeader()))
                .withRequestBody(equalToJson(expected, false, false)));
        assertThat(requests()).hasSize(1);
        assertThat(flow.providerFlowId()).contains("3ca31c37-986a-454e-ad64-8e97143c86bc");
    }

    @Test
    void renewalWithoutNamedAccountsLeavesAccountIdsOut() {
        nrich.stubFor(post("/ongoing/sync").willReturn(jsonResponse(201, CREATED)));

        adapter.startFlow(request(FlowKind.ONGOING_ACCESS, FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), true));

        assertThat(json(requests().get(0).getBodyAsString()).keySet()).doesNotContain("account_ids")
                .contains("state", "redirect_uri", "language", "sync_period", "save_secrets", "user_id");
    }

    @Test
    void flowCallsAuthenticateWithExactlyBasicOfClientIdColonSecret() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, CREATED)));

        adapter.startFlow(request(FlowKind.ONGOING_ACCESS, FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false));

        String header = requests().get(0).getHeader("Authorization");
        assertThat(header).isEqualTo("Basic ZGVtby1jbGllbnQ6czNjcjN0LWNsaWVudC1zZWNyZXQ=");
        assertThat(header).isEqualTo(basicHeader());
    }

    @Test
    void flowAnswerWithoutLocationIsProviderUnavailable() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, "{\"id\":\"f-1\"}")));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false)))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("location");
    }

    @Test
    void flowAnswerWithARelativeLocationIsProviderUnavailable() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(201, "{\"location\":\"/widget?x=1\",\"id\":\"f-1\"}")));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false)))
                .isExactlyInstanceOf(ProviderUnavailable.class).hasMessageContaining("absolute");
    }

    @Test
    void validationErrorWithErrorDataIsProviderRejectedWithTheFieldErrors() {
        nrich.stubFor(post("/onetime/access").willReturn(jsonResponse(400, fixture("fixtures/error-validation.json"))));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONE_TIME_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONE_TIME_ACCESS), false)))
                .isInstanceOfSatisfying(ProviderRejected.class, e -> {
                    assertThat(e.fieldErrors()).containsEntry("request", List.of("must be an absolute https URL"))
                            .containsEntry("syncPeriod", List.of("must be between 1 and 730"));
                    assertThat(e.getMessage()).contains("400").contains("1000");
                });
    }

    @Test
    void refusedClientCredentialsOnAFlowAreAConfigurationFaultNotAReauthorization() {
        nrich.stubFor(post("/ongoing/access").willReturn(jsonResponse(401, "{}").withHeader("WWW-Authenticate", "Basic realm=\"nrich\"")));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), false)))
                .isExactlyInstanceOf(ProviderMisconfigured.class)
                .hasMessageContaining("client credentials")
                .hasMessageContaining("cg.nrich.client-id")
                .hasMessageNotContaining(CLIENT_SECRET);
    }

    @Test
    void aMissingFlowEndpointIsAConfigurationFault() {
        nrich.stubFor(post("/onetime/income-report").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> adapter.startFlow(request(FlowKind.INCOME_REPORT,
                FlowOptions.defaultsFor(FlowKind.INCOME_REPORT), false)))
                .isExactlyInstanceOf(ProviderMisconfigured.class).hasMessageContaining("cg.nrich.base-url");
    }

    @Test
    void oneTimeAccessCarriesTheAccountTypesAndMultiSelectionOptions() {
        nrich.stubFor(post("/onetime/access").willReturn(jsonResponse(201, CREATED)));
        FlowOptions options = FlowOptions.defaultsFor(FlowKind.ONE_TIME_ACCESS).withProviderOptions(adapter.checkOptions(
                FlowKind.ONE_TIME_ACCESS, Map.of("accountTypes", List.of("Giro account", "Savings"),
                        "allowMultiSelection", false)));

        adapter.startFlow(request(FlowKind.ONE_TIME_ACCESS, options, false));

        JsonObject body = json(requests().get(0).getBodyAsString());
        assertThat(body.getJsonArray("account_types").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("Giro account", "Savings");
        assertThat(body.getBoolean("allow_multi_selection")).isFalse();
    }
}
