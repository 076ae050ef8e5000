package io.consentgateway.adapter.out.nrich;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on a random port standing in for nrich, and an adapter built against it exactly as
 * production builds it (RESTEasy's MicroProfile Rest Client outside Liberty; fault tolerance inert).
 */
abstract class NrichWireMockTest {
    static final String CLIENT_ID = "demo-client";
    static final String CLIENT_SECRET = "s3cr3t-client-secret";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RedirectUri REDIRECT = RedirectUri.parse("https://my-app.example.com/callback");

    static WireMockServer nrich;

    NrichConsentProvider adapter;

    @BeforeAll
    static void startNrich() {
        nrich = new WireMockServer(options().dynamicPort().jettyHeaderRequestSize(64 * 1024).containerThreads(20));
        nrich.start();
    }

    @AfterAll
    static void stopNrich() {
        nrich.stop();
    }

    @BeforeEach
    void newAdapter() {
        nrich.resetAll();
        adapter = adapter(settings().build());
    }

    @AfterEach
    void closeAdapter() {
        adapter.close();
    }

    /** Settings pointed at the WireMock server, to change further and {@code build()}. */
    NrichSettings.Builder settings() {
        return NrichSettings.builder()
                .baseUri(URI.create(nrich.baseUrl() + "/"))
                .client(CLIENT_ID, CLIENT_SECRET)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    /** A second adapter with other settings; closed after the test with the first. */
    NrichConsentProvider adapter(NrichSettings settings) {
        NrichConsentProvider built = new NrichConsentProvider(settings, CLOCK);
        if (adapter != null) {
            NrichConsentProvider previous = adapter;
            adapter = built;
            previous.close();
        }
        return built;
    }

    static State state() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        return State.fromRandomBytes(bytes);
    }

    static ProviderFlowRequest request(FlowKind kind, FlowOptions options, boolean renewal) {
        return new ProviderFlowRequest(kind, state(), REDIRECT, new UserId("user-42"), options, renewal);
    }

    /** The account the adapter reported with this id (picked by what it is, not by where it stands in the list). */
    static Account account(List<Account> accounts, String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + id + " in " + accounts));
    }

    static String fixture(String path) {
        try (InputStream in = NrichWireMockTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static ResponseDefinitionBuilder jsonResponse(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static List<LoggedRequest> requests() {
        return nrich.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    static String basicHeader() {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }
}
