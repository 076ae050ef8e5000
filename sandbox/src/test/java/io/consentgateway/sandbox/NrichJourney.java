package io.consentgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.nrich.NrichFlowKind;
import io.consentgateway.sandbox.web.NrichApiResource;
import io.consentgateway.sandbox.web.NrichDataResource;
import io.consentgateway.sandbox.web.WidgetResource;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** Drives the nrich simulator through its resources, like an application and a user would. */
public final class NrichJourney {

    public static final String REDIRECT = "https://app.example.com/callback";

    public final Sandbox sandbox;
    public final NrichApiResource api;
    public final NrichDataResource data;
    public final WidgetResource widget;

    public NrichJourney(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.api = new NrichApiResource(sandbox);
        this.data = new NrichDataResource(sandbox);
        this.widget = new WidgetResource(sandbox);
    }

    public NrichJourney() {
        this(TestSupport.sandbox());
    }

    public Response create(NrichFlowKind kind, String body) {
        return api.createFlow(kind, TestSupport.NRICH_BASIC, TestSupport.BASE, body);
    }

    /** Creates a flow and answers its id. */
    public String flow(NrichFlowKind kind, String body) {
        Response response = create(kind, body);
        assertThat(response.getStatus()).as("flow creation: %s", response.getEntity()).isEqualTo(201);
        return TestSupport.json(response).getString("id");
    }

    public String ongoingFlow(String user) {
        return flow(NrichFlowKind.ONGOING_ACCESS,
                "{\"redirect_uri\":\"" + REDIRECT + "\",\"user_id\":\"" + user + "\",\"state\":\"s-123\"}");
    }

    /** The user approves with the first bank; answers the callback's query. */
    public Map<String, String> approve(String flowId) {
        Response response = widget.decide(flowId, "approve", "Spreebank Berlin");
        assertThat(response.getStatus()).isEqualTo(303);
        return TestSupport.query(response.getLocation());
    }

    public URI callback(Response response) {
        return response.getLocation();
    }

    public Response exchange(String code) {
        return token("{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + REDIRECT + "\"}");
    }

    public Response refresh(String refreshToken) {
        return token("{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refreshToken + "\"}");
    }

    public Response token(String body) {
        return api.token(TestSupport.NRICH_BASIC, body);
    }

    /** Creates, approves and exchanges an ongoing flow: answers the token response. */
    public JsonObject connect(String user) {
        String code = approve(ongoingFlow(user)).get("code");
        Response response = exchange(code);
        assertThat(response.getStatus()).as("exchange: %s", response.getEntity()).isEqualTo(200);
        return TestSupport.json(response);
    }

    public Response accounts(String accessToken) {
        return data.accounts("Bearer " + accessToken);
    }

    public Response transactions(String accessToken, String count, String offset) {
        return data.transactions("Bearer " + accessToken, null, count, offset, null, null, null, null, null, null);
    }
}
