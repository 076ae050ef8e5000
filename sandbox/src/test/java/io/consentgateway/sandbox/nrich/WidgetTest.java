package io.consentgateway.sandbox.nrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.bank.BankSimulatorSettings;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.idp.IdpSettings;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetTest {

    private final NrichJourney nrich = new NrichJourney();

    @Test
    void theWidgetShowsTheFlowWithABankPickerAndStableButtonIds() {
        String flow = nrich.ongoingFlow("anna");

        Response page = nrich.widget.show(flow);

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertThat(TestSupport.text(page)).contains("id=\"approve\"", "id=\"cancel\"", "name=\"bank\"",
                "value=\"approve\"", "value=\"cancel\"", "Spreebank Berlin", "anna").doesNotContain("<script", "http://", "https://");
    }

    @Test
    void theWidgetSpeaksGermanByDefaultEnglishWhenAskedAndEnglishForALanguageWithoutTexts() {
        String german = TestSupport.text(nrich.widget.show(nrich.ongoingFlow("anna")));
        assertThat(german).contains("Bankkonto verbinden", "Umsätze", "Zustimmen", "Dauerhafter Zugriff");

        for (String language : java.util.List.of("en", "fr")) {
            String flow = nrich.flow(NrichFlowKind.ONE_TIME_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT
                    + "\",\"language\":\"" + language + "\"}");
            assertThat(TestSupport.text(nrich.widget.show(flow))).as(language)
                    .contains("Connect your bank account", "Approve", "One-time access").doesNotContain("Zustimmen");
        }
        assertThat(TestSupport.text(nrich.widget.show("no-such-flow"))).contains("This link is no longer valid");
    }

    @Test
    void aPrefilledAccountSkipsTheBankChoice() {
        String flow = nrich.flow(NrichFlowKind.ONE_TIME_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT
                + "\",\"language\":\"en\",\"accounts\":[{\"id\":\"DE89370400440532013000\"}]}");

        String page = TestSupport.text(nrich.widget.show(flow));
        assertThat(page).doesNotContain("name=\"bank\"").contains("DE89370400440532013000", "One-time access");
        assertThat(nrich.widget.decide(flow, "approve", null).getStatus()).isEqualTo(303);
    }

    @Test
    void approvingRedirectsWithStateSuccessCodeAbortAndFlowId() {
        String flow = nrich.ongoingFlow("anna");

        Response response = nrich.widget.decide(flow, "approve", "Hanse Volksbank");

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation().toString()).startsWith(NrichJourney.REDIRECT + "?");
        Map<String, String> query = TestSupport.query(response.getLocation());
        assertThat(query.keySet()).containsExactly("state", "success", "code", "abort", "flow_id");
        assertThat(query).containsEntry("state", "s-123").containsEntry("success", "true")
                .containsEntry("abort", "false").containsEntry("flow_id", flow);
        assertThat(query.get("code")).isNotBlank();
    }

    @Test
    void cancellingRedirectsWithAbortAndNoCode() {
        String flow = nrich.ongoingFlow("anna");

        Response response = nrich.widget.decide(flow, "cancel", null);

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(TestSupport.query(response.getLocation())).containsExactly(Map.entry("state", "s-123"),
                Map.entry("success", "false"), Map.entry("abort", "true"), Map.entry("flow_id", flow));
    }

    @Test
    void theLegacySwitchSendsCancelInsteadOfAbort() {
        Sandbox legacy = new Sandbox(SandboxClock.fixedAt(TestSupport.START),
                NrichSimulatorSettings.defaults().withLegacyCancelParameter(true), BankSimulatorSettings.defaults(), IdpSettings.defaults(), null);
        NrichJourney journey = new NrichJourney(legacy);

        Map<String, String> cancelled = TestSupport.query(journey.widget.decide(journey.ongoingFlow("anna"), "cancel", null).getLocation());
        Map<String, String> approved = journey.approve(journey.ongoingFlow("anna"));

        assertThat(cancelled).containsEntry("cancel", "true").containsEntry("success", "false").doesNotContainKey("abort");
        assertThat(approved).containsEntry("success", "true").containsKey("code").doesNotContainKeys("abort", "cancel");
    }

    @Test
    void aRedirectUriWithAQueryKeepsItAndTheStateIsEncoded() {
        String flow = nrich.flow(NrichFlowKind.ONGOING_ACCESS,
                "{\"redirect_uri\":\"https://app.example.com/cb?tenant=a\",\"user_id\":\"anna\",\"state\":\"a b&c\"}");

        Response response = nrich.widget.decide(flow, "cancel", null);

        assertThat(response.getLocation().toString()).startsWith("https://app.example.com/cb?tenant=a&state=a%20b%26c&");
    }

    @Test
    void anAnsweredUnknownOrExpiredFlowShowsA404Page() {
        String used = nrich.ongoingFlow("anna");
        nrich.approve(used);
        String old = nrich.ongoingFlow("ben");
        nrich.sandbox.clock().advance(Duration.ofHours(1));

        assertThat(nrich.widget.show(used).getStatus()).isEqualTo(404);
        assertThat(nrich.widget.decide(used, "approve", "Spreebank Berlin").getStatus()).isEqualTo(404);
        assertThat(nrich.widget.show("no-such-flow").getStatus()).isEqualTo(404);
        assertThat(nrich.widget.show(old).getStatus()).isEqualTo(404);
        assertThat(TestSupport.text(nrich.widget.show(used))).contains("<html");
    }

    @Test
    void approvingWithoutAKnownBankOrWithAnUnknownActionRedisplaysThePage() {
        String flow = nrich.ongoingFlow("anna");

        assertThat(nrich.widget.decide(flow, "approve", "Evil Bank").getStatus()).isEqualTo(400);
        assertThat(nrich.widget.decide(flow, "steal", null).getStatus()).isEqualTo(400);
        assertThat(nrich.widget.decide(flow, "approve", "Spreebank Berlin").getStatus()).isEqualTo(303);
    }

    @Test
    void everythingTheWidgetShowsIsHtmlEscaped() {
        String flow = nrich.flow(NrichFlowKind.ONGOING_ACCESS, "{\"redirect_uri\":\"" + NrichJourney.REDIRECT
                + "\",\"user_id\":\"<script>alert('x')</script>\"}");

        String page = TestSupport.text(nrich.widget.show(flow));

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }
}
