package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.control.RouteTemplates;
import io.consentgateway.sandbox.control.FaultRule;
import io.consentgateway.sandbox.control.FaultInjector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlTest {

    private final Sandbox sandbox = TestSupport.sandbox();
    private final ControlResource control = new ControlResource(sandbox);

    @Test
    void theClockIsAdvancedAndReadBack() {
        Response response = control.advanceClock("{\"advanceSeconds\":86400}");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(TestSupport.json(response).getString("now")).isEqualTo("2026-03-11T09:00:00Z");
        assertThat(TestSupport.json(control.clock()).getInt("offsetSeconds")).isEqualTo(86400);
    }

    @Test
    void theClockRefusesToGoBackOrToReadNonsense() {
        assertThat(control.advanceClock("{\"advanceSeconds\":-5}").getStatus()).isEqualTo(400);
        assertThat(control.advanceClock("{\"advanceSeconds\":0}").getStatus()).isEqualTo(400);
        assertThat(control.advanceClock("{\"advanceSeconds\":\"60\"}").getStatus()).isEqualTo(400);
        assertThat(control.advanceClock("{}").getStatus()).isEqualTo(400);
        assertThat(control.advanceClock("{\"advanceSeconds\":99999999999999999999}").getStatus()).isEqualTo(400);
    }

    @Test
    void aFaultIsRegisteredAndValidated() {
        Response created = control.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":503}");

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(TestSupport.json(created).getString("id")).isNotBlank();
        assertThat(TestSupport.json(control.faults()).getJsonArray("faults")).hasSize(1);
        assertThat(control.addFault("{\"provider\":\"paypal\",\"path\":\"/\",\"status\":503}").getStatus()).isEqualTo(400);
        assertThat(control.addFault("{\"path\":\"/\",\"status\":503}").getStatus()).as("no provider").isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"bank\",\"path\":\"x\",\"status\":503}").getStatus()).isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"bank\",\"path\":\"/\",\"status\":200}").getStatus()).isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"bank\",\"path\":\"/\",\"status\":500,\"rate\":1.5}").getStatus()).isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"bank\",\"path\":\"/\"}").getStatus()).isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"bank\",\"path\":\"/\",\"afterProcessing\":true}").getStatus())
                .as("after processing, but neither late nor failed").isEqualTo(400);
        assertThat(control.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"latencyMs\":300,"
                + "\"afterProcessing\":true}").getStatus()).as("a late answer").isEqualTo(201);
        assertThat(control.clearFaults().getStatus()).isEqualTo(204);
        assertThat(sandbox.faults().rules()).isEmpty();
    }

    @Test
    void faultsMatchByProviderAndPathPrefixAndHonourTheRate() {
        FaultInjector always = new FaultInjector(() -> 0.99);
        always.add(FaultRule.fromJson(Json.createObjectBuilder().add("provider", "nrich").add("path", "/rest")
                .add("status", 500).add("rate", 0.5).build()));
        FaultInjector lucky = new FaultInjector(() -> 0.1);
        lucky.add(always.rules().get(0));

        assertThat(always.match("nrich", "/rest/accounts")).isEmpty();
        assertThat(lucky.match("nrich", "/rest/accounts")).isPresent();
        assertThat(lucky.match("bank", "/rest/accounts")).isEmpty();
        assertThat(lucky.match("nrich", "/auth/token")).isEmpty();
    }

    @Test
    void a503FaultAnswersInTheProvidersErrorShapeWithRetryAfter() {
        Response nrich = ProviderTrafficFilter.faultResponse("nrich", 503);
        Response bank = ProviderTrafficFilter.faultResponse("bank", 503);

        assertThat(nrich.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(TestSupport.json(nrich).getJsonObject("error").getString("group")).isEqualTo("server");
        assertThat(TestSupport.json(bank).getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(ProviderTrafficFilter.faultResponse("bank", 500).getHeaderString("Retry-After")).isNull();
    }

    @Test
    void statsAreKeyedByProviderRouteTemplateAndGrantType() {
        sandbox.stats().record("nrich", "POST", "/auth/token", "refresh_token");
        sandbox.stats().record("nrich", "POST", "/auth/token", "refresh_token");
        sandbox.stats().record("nrich", "GET", "/rest/accounts/{account_id}", null);

        JsonObject stats = TestSupport.json(control.stats());

        assertThat(stats.getJsonObject("nrich").getInt("POST /auth/token refresh_token")).isEqualTo(2);
        assertThat(stats.getJsonObject("nrich").getInt("GET /rest/accounts/{account_id}")).isEqualTo(1);
        assertThat(stats.getJsonObject("bank")).isEmpty();
    }

    @Test
    void routeTemplatesComeFromTheResourceAnnotations() throws Exception {
        assertThat(RouteTemplates.of(NrichDataResource.class, NrichDataResource.class.getMethod("account", String.class, String.class)))
                .contains("/nrich/rest/accounts/{account_id}");
        assertThat(RouteTemplates.of(WidgetResource.class, WidgetResource.class.getMethod("show", String.class)))
                .contains("/nrich/widget/{flow_id}");
        assertThat(RouteTemplates.of(BankAuthResource.class, BankAuthResource.class.getMethod("token", String.class,
                jakarta.ws.rs.core.MultivaluedMap.class))).contains("/bank/auth/oauth/v2/token");
        assertThat(RouteTemplates.relativeTo("nrich", "/nrich/auth/token")).isEqualTo("/auth/token");
        assertThat(RouteTemplates.of(NrichApiResource.class, null)).contains("/nrich");
    }

    @Test
    void theGrantTypeIsReadFromJsonOrFormBodies() {
        assertThat(ProviderTrafficFilter.grantTypeOf(MediaType.APPLICATION_JSON_TYPE,
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"x\"}")).contains("refresh_token");
        assertThat(ProviderTrafficFilter.grantTypeOf(MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                "code=x&grant_type=authorization_code")).contains("authorization_code");
        assertThat(ProviderTrafficFilter.grantTypeOf(MediaType.APPLICATION_JSON_TYPE, "{\"grant_type\":\"<b>\"}"))
                .isEqualTo(Optional.empty());
        assertThat(ProviderTrafficFilter.providerOf("nrich/rest/accounts")).isEqualTo("nrich");
        assertThat(ProviderTrafficFilter.providerOf("/bank/api/v1/accounts")).isEqualTo("bank");
        assertThat(ProviderTrafficFilter.providerOf("control/stats")).isNull();
        assertThat(ProviderTrafficFilter.providerOf("nrichx/a")).isNull();
    }

    @Test
    void resetForgetsFlowsTokensFaultsStatsAndTheClockOffset() {
        NrichJourney nrich = new NrichJourney(sandbox);
        String access = nrich.connect("anna").getString("access_token");
        String flow = nrich.ongoingFlow("ben");
        control.addFault("{\"provider\":\"nrich\",\"path\":\"/\",\"status\":500}");
        sandbox.stats().record("nrich", "GET", "/rest/accounts", null);
        control.advanceClock("{\"advanceSeconds\":60}");

        assertThat(control.reset().getStatus()).isEqualTo(204);

        assertThat(nrich.accounts(access).getStatus()).isEqualTo(401);
        assertThat(nrich.widget.show(flow).getStatus()).isEqualTo(404);
        assertThat(sandbox.faults().rules()).isEmpty();
        assertThat(TestSupport.json(control.stats()).getJsonObject("nrich")).isEmpty();
        assertThat(sandbox.clock().instant()).isEqualTo(TestSupport.START);
    }

    @Test
    void revokeNeedsAKnownProviderAndAUser() {
        assertThat(control.revoke("{\"provider\":\"nrich\"}").getStatus()).isEqualTo(400);
        assertThat(control.revoke("{\"provider\":\"x\",\"user\":\"a\"}").getStatus()).isEqualTo(400);
        assertThat(TestSupport.json(control.revoke("{\"provider\":\"bank\",\"user\":\"nobody\"}")).getInt("revoked")).isZero();
    }

    @Test
    void faultRulesRejectUnknownFields() {
        assertThatThrownBy(() -> FaultRule.fromJson(Json.createObjectBuilder().add("provider", "nrich").add("status", 500)
                .add("statuz", 1).build())).isInstanceOf(IllegalArgumentException.class);
    }
}
