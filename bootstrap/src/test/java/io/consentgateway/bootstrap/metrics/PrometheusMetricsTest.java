package io.consentgateway.bootstrap.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Prometheus scraper reads from {@code GET /metrics}: the text format 0.0.4, one line per series. */
class PrometheusMetricsTest {

    @Test
    void everyFamilyIsListedWithItsHelpAndTypeBeforeItsFirstCount() {
        String page = new PrometheusMetrics().scrape();

        for (String family : new String[] {"consentgateway_flows_started_total", "consentgateway_callbacks_total",
                "consentgateway_provider_calls_total", "consentgateway_data_background_syncs_total",
                "consentgateway_data_deleted_total", "consentgateway_webhooks_attempts_total"}) {
            assertThat(page).contains("# HELP " + family + " ").contains("# TYPE " + family + " counter\n");
        }
        assertThat(page.lines().filter(line -> !line.startsWith("#"))).isEmpty();
    }

    @Test
    void eachSeriesCountsOnItsOwnWithItsLabelsInNameOrder() {
        PrometheusMetrics metrics = new PrometheusMetrics();

        metrics.providerCall("nrich", "refresh", "ok");
        metrics.providerCall("nrich", "refresh", "ok");
        metrics.providerCall("nrich", "refresh", "in_doubt");
        metrics.flowStarted("tatrabanka", "ONE_TIME_ACCESS");
        metrics.backgroundSyncs("synced", 4);
        metrics.backgroundSyncs("failed", 0);
        metrics.dataDeleted(3);

        assertThat(metrics.scrape()).contains(
                "consentgateway_provider_calls_total{operation=\"refresh\",provider=\"nrich\",result=\"ok\"} 2\n",
                "consentgateway_provider_calls_total{operation=\"refresh\",provider=\"nrich\",result=\"in_doubt\"} 1\n",
                "consentgateway_flows_started_total{kind=\"ONE_TIME_ACCESS\",provider=\"tatrabanka\"} 1\n",
                "consentgateway_data_background_syncs_total{result=\"synced\"} 4\n",
                "consentgateway_data_deleted_total 3\n")
                .doesNotContain("result=\"failed\"");
    }

    @Test
    void aLabelValueCannotBreakTheFormat() {
        PrometheusMetrics metrics = new PrometheusMetrics();

        metrics.webhookAttempt("odd\"name\\with\nbreak", "sent");

        assertThat(metrics.scrape()).contains(
                "consentgateway_webhooks_attempts_total{endpoint=\"odd\\\"name\\\\with\\nbreak\",outcome=\"sent\"} 1\n");
    }

    @Test
    void bothMetricsReportEveryCountToEach() {
        PrometheusMetrics first = new PrometheusMetrics();
        PrometheusMetrics second = new PrometheusMetrics();

        new BothMetrics(first, second).callbackHandled("COMPLETED");

        assertThat(first.scrape()).contains("consentgateway_callbacks_total{outcome=\"COMPLETED\"} 1\n");
        assertThat(second.scrape()).isEqualTo(first.scrape());
    }
}
