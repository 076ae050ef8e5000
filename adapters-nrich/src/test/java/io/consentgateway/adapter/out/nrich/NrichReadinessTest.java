package io.consentgateway.adapter.out.nrich;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness check the adapter brings along: nrich's host accepts connections, or readiness says why not. */
class NrichReadinessTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void upWhileNrichsHostAcceptsConnections() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            HealthCheckResponse response = new NrichReadiness(
                    URI.create("http://localhost:" + listening.getLocalPort() + "/nrich"), true).call();

            assertThat(response.getName()).isEqualTo("provider-nrich");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("host", "localhost"));
        }
    }

    @Test
    void downWhenTheHostRefusesAndProviderAffectsReadiness() throws IOException {
        HealthCheckResponse response = new NrichReadiness(URI.create("http://localhost:" + closedPort()), true).call();

        assertThat(response.getName()).isEqualTo("provider-nrich");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("host", "localhost").containsEntry("reachable", false).containsKey("error"));
    }

    @Test
    void informationalOnlyWhenConfiguredSoStaysUpButSaysTheHostIsUnreachable() throws IOException {
        HealthCheckResponse response = new NrichReadiness(URI.create("http://localhost:" + closedPort()), false).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("reachable", false));
    }

    @Test
    void anUnresolvableHostIsDownAndNamesNoMoreThanTheHost() {
        HealthCheckResponse response = new NrichReadiness(URI.create("https://nrich.invalid/api"), true).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsEntry("host", "nrich.invalid").containsOnlyKeys("host", "port", "reachable", "error");
    }

    @Test
    void isAReadinessBeanReadingTheAdaptersBaseUrlAndTheReadinessSwitch() throws Exception {
        assertThat(NrichReadiness.class.isAnnotationPresent(Readiness.class)).isTrue();
        assertThat(NrichReadiness.class.isAnnotationPresent(ApplicationScoped.class)).isTrue();
        var injected = NrichReadiness.class.getConstructor(NrichConsentProvider.class, boolean.class);
        assertThat(injected.isAnnotationPresent(Inject.class)).isTrue();
        ConfigProperty property = (ConfigProperty) injected.getParameterAnnotations()[1][0];
        assertThat(property.name()).isEqualTo("cg.health.provider-affects-readiness");
        assertThat(property.defaultValue()).isEqualTo("true");

        try (NrichConsentProvider nrich = new NrichConsentProvider(NrichSettings.builder()
                .baseUri(URI.create("https://api.finx-s.qwist.cloud/")).build())) {
            assertThat(nrich.baseUri()).isEqualTo(URI.create("https://api.finx-s.qwist.cloud"));
        }
    }
}
