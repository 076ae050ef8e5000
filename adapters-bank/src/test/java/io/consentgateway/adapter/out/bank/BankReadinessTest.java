package io.consentgateway.adapter.out.bank;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provider-tatrabanka}: TCP reachability of the bank's host and port, never an API call. */
class BankReadinessTest {

    @Test
    void anOpenPortIsReady() throws Exception {
        try (ServerSocket bank = new ServerSocket(0)) {
            HealthCheckResponse response = new BankReadiness(
                    URI.create("http://127.0.0.1:" + bank.getLocalPort() + "/bank"), true, 2_000).call();

            assertThat(response.getName()).isEqualTo("provider-tatrabanka");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData()).hasValueSatisfying(data -> {
                assertThat(data).containsEntry("reachable", true).containsEntry("host", "127.0.0.1");
                assertThat(data).containsEntry("port", (long) bank.getLocalPort());
            });
        }
    }

    @Test
    void aClosedPortIsNotReady() {
        HealthCheckResponse response = new BankReadiness(
                URI.create("http://127.0.0.1:" + BankStage.closedPort() + "/bank"), true, 2_000).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("reachable", false)
                .containsKey("error"));
    }

    @Test
    void whenTheProviderMustNotAffectReadinessItStaysUpButSaysSo() {
        HealthCheckResponse response = new BankReadiness(
                URI.create("http://127.0.0.1:" + BankStage.closedPort() + "/bank"), false, 2_000).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("reachable", false));
    }

    @Test
    void theDefaultPortFollowsTheScheme() {
        HealthCheckResponse response = new BankReadiness(URI.create("https://no-such-host.invalid/bank"), false, 500).call();

        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("port", 443L)
                .containsEntry("reachable", false));
    }
}
