package io.consentgateway.sandbox;

import io.consentgateway.sandbox.bank.BankData;
import io.consentgateway.sandbox.bank.BankSimulatorSettings;
import io.consentgateway.sandbox.bank.BankSimulator;
import io.consentgateway.sandbox.control.CallStats;
import io.consentgateway.sandbox.control.FaultInjector;
import io.consentgateway.sandbox.control.WebhookFaults;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.Secrets;
import io.consentgateway.sandbox.idp.DemoIdentityProvider;
import io.consentgateway.sandbox.idp.IdpSettings;
import io.consentgateway.sandbox.nrich.NrichData;
import io.consentgateway.sandbox.nrich.NrichSimulatorSettings;
import io.consentgateway.sandbox.nrich.NrichSimulator;
import io.consentgateway.sandbox.webhooks.WebhookReceiver;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The whole sandbox as plain objects: one clock, the two provider simulators, the demo identity
 * provider, the webhook receiver, fault injection and call statistics. The CDI bean {@link SandboxRuntime} holds one
 * instance per application; tests build their own with a fixed clock.
 */
public final class Sandbox {

    private final SandboxClock clock;
    private final NrichSimulator nrich;
    private final NrichData nrichData;
    private final BankSimulator bank;
    private final BankData bankData;
    private final DemoIdentityProvider idp;
    private final FaultInjector faults = new FaultInjector();
    private final CallStats stats = new CallStats();
    private final WebhookReceiver webhooks;
    private final WebhookFaults webhookFaults = new WebhookFaults();
    private final URI publicBaseUrl;

    public Sandbox(SandboxClock clock, NrichSimulatorSettings nrichSettings, BankSimulatorSettings bankSettings,
                   IdpSettings idpSettings, URI publicBaseUrl) {
        this(clock, nrichSettings, bankSettings, idpSettings, publicBaseUrl, new Secrets());
    }

    /** With {@code secrets} issuing every token and code (e.g. with a canary prefix). */
    public Sandbox(SandboxClock clock, NrichSimulatorSettings nrichSettings, BankSimulatorSettings bankSettings,
                   IdpSettings idpSettings, URI publicBaseUrl, Secrets secrets) {
        this.clock = clock;
        this.nrich = new NrichSimulator(clock, nrichSettings, secrets);
        this.nrichData = new NrichData(clock);
        this.bank = new BankSimulator(clock, bankSettings, secrets);
        this.bankData = new BankData(clock);
        this.idp = new DemoIdentityProvider(Clock.systemUTC(), idpSettings);
        this.webhooks = new WebhookReceiver(clock);
        this.publicBaseUrl = publicBaseUrl;
    }

    /** A sandbox with the documented defaults on the given clock. */
    public static Sandbox withDefaults(SandboxClock clock) {
        return new Sandbox(clock, NrichSimulatorSettings.defaults(), BankSimulatorSettings.defaults(), IdpSettings.defaults(), null);
    }

    public SandboxClock clock() {
        return clock;
    }

    public NrichSimulator nrich() {
        return nrich;
    }

    public NrichData nrichData() {
        return nrichData;
    }

    public BankSimulator bank() {
        return bank;
    }

    public BankData bankData() {
        return bankData;
    }

    public DemoIdentityProvider idp() {
        return idp;
    }

    public FaultInjector faults() {
        return faults;
    }

    public CallStats stats() {
        return stats;
    }

    /** The webhook receiver ({@code /sandbox/webhooks}): the deliveries it recorded and its counters. */
    public WebhookReceiver webhooks() {
        return webhooks;
    }

    /** How the webhook receiver misbehaves ({@code /sandbox/control/webhooks}). */
    public WebhookFaults webhookFaults() {
        return webhookFaults;
    }

    /**
     * The base URL the sandbox is reached at (ends with "/"), when configured; otherwise the
     * request's base URI is used.
     */
    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    /**
     * Clears every flow, grant, token, late booking, webhook delivery, statistic and fault (the webhook receiver's
     * too), and moves the clock back. The IdP key stays.
     */
    public void reset() {
        nrich.reset();
        nrichData.clearLateBookings();
        bank.reset();
        bankData.clearLateBookings();
        faults.clear();
        stats.clear();
        webhooks.clear();
        webhookFaults.clear();
        clock.reset();
    }
}
