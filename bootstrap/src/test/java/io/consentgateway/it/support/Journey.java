package io.consentgateway.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user's way through a consent flow, step by step as a browser would go: start the flow at the API, open the
 * provider's widget, approve or cancel there, follow the provider's redirect to the gateway's callback.
 */
public final class Journey {
    private static final Pattern BANK_OPTION = Pattern.compile(
            "<input[^>]*name=\"bank\"[^>]*value=\"([^\"]+)\"|<option[^>]*value=\"([^\"]+)\"");

    private final GatewayClient client;

    public Journey(GatewayClient client) {
        this.client = client;
    }

    public static Journey newUser(String prefix) {
        return new Journey(GatewayClient.newUser(prefix));
    }

    public GatewayClient client() {
        return client;
    }

    /** A flow the gateway started: where the browser goes next. */
    public record Flow(String id, String widgetUrl) {
    }

    /**
     * The gateway's answer to a callback: a 303 to the front end naming the flow and its outcome (and, for a flow that
     * completes by confirmation, the confirmation code the front end sends with the user's token).
     */
    public record Callback(Http.Response response, String flowId, String outcome, String reason, String confirmation) {
    }

    /** A completed journey: the flow and the consent it produced. */
    public record Connected(String flowId, String consentId) {
    }

    public Flow start(String kind) {
        return startWith("{\"kind\":\"" + kind + "\",\"language\":\"en\"}");
    }

    public Flow startWith(String json) {
        Http.Response response = client.post("/api/v1/flows", json).expect(201);
        JsonObject body = response.json();
        String flowId = body.getString("flowId");
        assertThat(response.header("Location").orElse("")).as(response.describe()).endsWith("/api/v1/flows/" + flowId);
        assertThat(body.getString("expiresAt", "")).isNotBlank();
        return new Flow(flowId, body.getString("widgetUrl"));
    }

    /** Starts a flow of this kind, approves it in the widget and completes the callback. */
    public Connected connect(String kind) {
        Flow flow = start(kind);
        Callback callback = callback(approve(flow.widgetUrl()));
        assertThat(callback.outcome()).as(callback.response().describe()).isEqualTo("COMPLETED");
        return new Connected(flow.id(), consentIdOf(flow.id()));
    }

    /** The widget's bank choices (empty when accounts were pre-selected). */
    public static Map<String, String> widgetForm(String widgetUrl) {
        Http.Response page = Http.get(widgetUrl).expect(200);
        assertThat(page.body()).contains("<form").contains("id=\"approve\"").contains("id=\"cancel\"");
        Map<String, String> form = new LinkedHashMap<>();
        Matcher bank = BANK_OPTION.matcher(page.body());
        if (page.body().contains("name=\"bank\"") && bank.find()) {
            form.put("bank", bank.group(1) != null ? bank.group(1) : bank.group(2));
        }
        return form;
    }

    /** The user approves in the widget: the provider's 303 back to the gateway's callback, with a code. */
    public static URI approve(String widgetUrl) {
        Map<String, String> form = widgetForm(widgetUrl);
        form.put("action", "approve");
        URI callback = Http.postForm(widgetUrl, form).expect(303).location();
        Map<String, String> query = Http.query(callback);
        assertThat(query).containsEntry("success", "true").containsKey("code").containsKey("state").containsKey("flow_id");
        Secrets.remember(query.get("code"));
        return callback;
    }

    /** The user cancels in the widget: the provider's 303 back to the callback, without a code. */
    public static URI cancel(String widgetUrl) {
        Map<String, String> form = widgetForm(widgetUrl);
        form.put("action", "cancel");
        URI callback = Http.postForm(widgetUrl, form).expect(303).location();
        assertThat(Http.query(callback)).containsEntry("success", "false").doesNotContainKey("code");
        return callback;
    }

    /** The browser follows the provider's redirect to the gateway's callback (public: no bearer token). */
    public static Callback callback(URI callbackUrl) {
        Http.Response response = GatewayClient.anonymous(Http.request(callbackUrl.toString()).GET());
        response.expect(303);
        assertThat(response.header("Referrer-Policy")).as(response.describe()).contains("no-referrer");
        assertThat(response.header("Cache-Control").orElse("")).as(response.describe()).contains("no-store");
        URI target = response.location();
        assertThat(target.getPath()).as("the front end's result page " + target).isEqualTo("/");
        Map<String, String> query = Http.query(target);
        assertThat(query).as("never a code or token in the front end's URL").doesNotContainKeys("code", "state", "access_token");
        return new Callback(response, query.get("flow"), query.get("outcome"), query.get("reason"), query.get("confirmation"));
    }

    public JsonObject flow(String flowId) {
        return client.get("/api/v1/flows/" + flowId).expect(200).json();
    }

    /** The front end confirms a flow that completes by confirmation, with this journey's user's token. */
    public Http.Response confirm(String flowId, String confirmation) {
        return client.post("/api/v1/flows/" + flowId + "/completion",
                confirmation == null ? "{}" : "{\"confirmation\":\"" + confirmation + "\"}");
    }

    public String flowStatus(String flowId) {
        return flow(flowId).getString("status");
    }

    public String consentIdOf(String flowId) {
        JsonObject flow = flow(flowId);
        assertThat(flow.getString("status")).isEqualTo("COMPLETED");
        return flow.getString("consentId");
    }

    public JsonArray consents() {
        return client.get("/api/v1/consents").expect(200).jsonArray();
    }

    public JsonObject consent(String consentId) {
        return client.get("/api/v1/consents/" + consentId).expect(200).json();
    }

    public Http.Response accounts(String consentId) {
        return client.get("/api/v1/consents/" + consentId + "/accounts");
    }
}
