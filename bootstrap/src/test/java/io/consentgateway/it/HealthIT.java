package io.consentgateway.it;

import io.consentgateway.it.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed WAR answers MicroProfile Health on the started Liberty server: the one this build started. */
class HealthIT {

    @Test
    void readinessIsUpWithADatabaseCheckAndOneCheckPerInstalledProvider() {
        Http.Response response = Http.get("/health/ready").expect(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"database\"")
                .contains("\"provider-nrich\"").contains("\"provider-tatrabanka\"");
    }

    @Test
    void livenessIsUpAndNamesTheApplicationCheck() {
        Http.Response response = Http.get("/health/live").expect(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("consent-gateway");
    }

    @Test
    void theServerAnsweringIsTheOneThisBuildStarted() {
        String instance = System.getProperty("it.instance-id");
        assertThat(instance).as("the build names the server it started (it.instance-id)").isNotBlank();

        assertThat(Http.get("/health/live").expect(200).body()).contains("\"instance\":\"" + instance + "\"");
    }

    @Test
    void theCountersCanBeScrapedInThePrometheusFormatWithoutAToken() {
        Http.Response response = Http.get("/metrics").expect(200);

        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(response.body()).contains("# TYPE consentgateway_provider_calls_total counter")
                .contains("# TYPE consentgateway_flows_started_total counter")
                .contains("# TYPE consentgateway_webhooks_attempts_total counter");
    }
}
