package io.consentgateway.adapter.out.bank;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.contract.ConsentProviderContract;
import io.consentgateway.application.port.out.contract.ProviderStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The shared provider contract, run against the real adapter talking to a WireMock server that speaks the bank's
 * payloads ({@link BankStage}).
 */
class BankConsentProviderContractTest extends ConsentProviderContract {
    private static WireMockServer bank;

    private BankStage stage;
    private BankConsentProvider provider;

    @BeforeAll
    static void startBank() {
        bank = new WireMockServer(options().dynamicPort().containerThreads(20));
        bank.start();
    }

    @AfterAll
    static void stopBank() {
        bank.stop();
    }

    @AfterEach
    void closeAdapters() {
        if (stage != null) {
            stage.close();
        }
    }

    @Override
    protected ConsentProvider provider() {
        if (provider == null) {
            provider = ((BankStage) stage()).adapter(((BankStage) stage()).settings().build());
        }
        return provider;
    }

    @Override
    protected ProviderStage stage() {
        if (stage == null) {
            bank.resetAll();
            stage = new BankStage(bank);
        }
        return stage;
    }
}
