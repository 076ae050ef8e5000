package io.consentgateway.sandbox.nrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.BasicCredentials;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class NrichFlowCreationTest {

    private final NrichJourney nrich = new NrichJourney();

    private static final String ONGOING = "{\"redirect_uri\":\"https://app.example.com/callback\",\"user_id\":\"anna\"}";

    @Test
    void ongoingAccessAnswers201WithWidgetLocationAndFlowId() {
        Response response = nrich.create(NrichFlowKind.ONGOING_ACCESS, ONGOING);

        assertThat(response.getStatus()).isEqualTo(201);
        JsonObject body = TestSupport.json(response);
        assertThat(body.getString("id")).isNotBlank();
        assertThat(body.getString("location"))
                .isEqualTo("http://localhost:9080/sandbox/nrich/widget/" + body.getString("id"));
    }

    @Test
    void everyFlowKindIsCreatedWith201() {
        String redirectOnly = "{\"redirect_uri\":\"https://app.example.com/callback\"}";
        assertThat(nrich.create(NrichFlowKind.ONE_TIME_ACCESS, redirectOnly).getStatus()).isEqualTo(201);
        assertThat(nrich.create(NrichFlowKind.INCOME_REPORT,
                "{\"redirect_uri\":\"https://app.example.com/callback\",\"sync_period\":180}").getStatus()).isEqualTo(201);
        assertThat(nrich.create(NrichFlowKind.ONGOING_SYNC, ONGOING).getStatus()).isEqualTo(201);
    }

    @Test
    void flowCreationWithoutBasicAuthIsRejectedWith401AndBasicChallenge() {
        Response response = nrich.api.createFlow(NrichFlowKind.ONGOING_ACCESS, null, TestSupport.BASE, ONGOING);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"nrich\"");
        assertThat(TestSupport.json(response).getJsonObject("error").getString("group")).isEqualTo("client");
    }

    @Test
    void flowCreationWithWrongClientSecretIsRejectedWith401() {
        Response response = nrich.api.createFlow(NrichFlowKind.ONGOING_ACCESS,
                BasicCredentials.header("demo-client", "wrong"), TestSupport.BASE, ONGOING);

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void missingRedirectUriAndUserIdAreReportedAsFieldErrors() {
        Response response = nrich.create(NrichFlowKind.ONGOING_ACCESS, "{\"language\":\"en\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonObject error = TestSupport.json(response).getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(1000);
        assertThat(error.getString("group")).isEqualTo("client");
        assertThat(error.getJsonObject("data").keySet()).contains("redirect_uri", "user_id");
    }

    @Test
    void anIbanWithWrongCheckDigitsIsRejected() {
        Response response = nrich.create(NrichFlowKind.ONE_TIME_ACCESS,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"accounts\":[{\"id\":\"DE83900948150000002881\"}]}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(response).getJsonObject("error").getJsonObject("data").getString("accounts[0].id"))
                .contains("IBAN");
    }

    @Test
    void aValidIbanOrAnAccountNumberIsAccepted() {
        assertThat(nrich.create(NrichFlowKind.ONE_TIME_ACCESS,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"accounts\":[{\"id\":\"DE82 9009 4815 0000 0028 81\"},{\"id\":\"0532013000\"}]}")
                .getStatus()).isEqualTo(201);
    }

    @Test
    void anUnknownLanguageIsRejected() {
        Response response = nrich.create(NrichFlowKind.ONE_TIME_ACCESS,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"language\":\"it\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(response).getJsonObject("error").getJsonObject("data").keySet()).containsExactly("language");
    }

    @Test
    void syncPeriodAndReportingPeriodTogetherAreRejected() {
        Response response = nrich.create(NrichFlowKind.INCOME_REPORT,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"sync_period\":180,\"reporting_period\":12}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(response).getJsonObject("error").getJsonObject("data").keySet()).contains("reporting_period");
    }

    @Test
    void aReportingPeriodBelowFourMonthsIsRejected() {
        Response response = nrich.create(NrichFlowKind.INCOME_REPORT,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"reporting_period\":3}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(nrich.create(NrichFlowKind.INCOME_REPORT,
                "{\"redirect_uri\":\"https://app.example.com/cb\",\"reporting_period\":4}").getStatus()).isEqualTo(201);
    }

    @Test
    void malformedJsonAndMisspelledFieldsAreRejectedWith400() {
        assertThat(nrich.create(NrichFlowKind.ONGOING_ACCESS, "{not json").getStatus()).isEqualTo(400);
        assertThat(nrich.create(NrichFlowKind.ONGOING_ACCESS, "[".repeat(2_000) + "]".repeat(2_000)).getStatus())
                .as("nested deeper than the parser reads").isEqualTo(400);
        Response typo = nrich.create(NrichFlowKind.ONGOING_ACCESS,
                "{\"redirectUri\":\"https://app.example.com/cb\",\"user_id\":\"anna\"}");
        assertThat(typo.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(typo).getJsonObject("error").getJsonObject("data").keySet())
                .contains("redirectUri", "redirect_uri");
    }

    @Test
    void aRelativeRedirectUriAndWronglyTypedFieldsAreRejected() {
        Response response = nrich.create(NrichFlowKind.ONGOING_ACCESS,
                "{\"redirect_uri\":\"/callback\",\"user_id\":\"anna\",\"sync_period\":\"90\",\"allow_multi_selection\":\"yes\"}");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(response).getJsonObject("error").getJsonObject("data").keySet())
                .contains("redirect_uri", "sync_period", "allow_multi_selection");
    }
}
