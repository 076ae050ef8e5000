package io.consentgateway.adapter.out.bank;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.consentgateway.application.port.out.ProviderFlowRequest;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock bank on a random port ({@link BankStage}) and an adapter built against it, fresh for each test. */
abstract class BankWireMockTest {
    static final AccessToken TOKEN = new AccessToken("the-access-token");
    /** A redirect URI whose query needs encoding: it must reach the bank byte for byte. */
    static final RedirectUri REDIRECT = RedirectUri.parse("https://gateway.example/callback/tatrabanka?x=a+b%20c&y=ü");

    static WireMockServer bank;

    BankStage stage;
    BankConsentProvider adapter;

    @BeforeAll
    static void startBank() {
        bank = new WireMockServer(options().dynamicPort().containerThreads(20));
        bank.start();
    }

    @AfterAll
    static void stopBank() {
        bank.stop();
    }

    @BeforeEach
    void newAdapter() {
        bank.resetAll();
        stage = new BankStage(bank);
        adapter = stage.adapter(stage.settings().build());
    }

    @AfterEach
    void closeAdapters() {
        stage.close();
    }

    static State state() {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        return State.fromRandomBytes(bytes);
    }

    static ProviderFlowRequest request(FlowKind kind, boolean renewal) {
        return new ProviderFlowRequest(kind, state(), REDIRECT, new UserId("user-42"), FlowOptions.defaultsFor(kind), renewal);
    }

    static String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (BankStage.CLIENT_ID + ":" + BankStage.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    }
}
