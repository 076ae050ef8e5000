package io.consentgateway.application.port.out.contract;

import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.PkceVerifier;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Aggregates for the port contracts, built only through the domain's own factories and transitions (never through
 * {@code restore}), so the contracts store exactly what the application would store.
 */
public final class PortFixtures {
    /** Two providers by id only: the ports store ids, never ask what they mean. */
    public static final ProviderId AGGREGATOR = new ProviderId("aggregator");
    public static final ProviderId BANK = new ProviderId("somebank");

    public static final ConsentPolicy POLICY = ConsentPolicy.defaults();
    /** Microseconds on purpose: every implementation must keep them. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    public static final UserId ALICE = new UserId("alice@fintech.example");
    public static final UserId BOB = new UserId("bob@fintech.example");
    public static final RedirectUri CALLBACK = RedirectUri.parse("https://gateway.example/callback");

    private static final SecureRandom RANDOM = new SecureRandom();

    private PortFixtures() {
    }

    public static State newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return State.fromRandomBytes(bytes);
    }

    /**
     * Every option set, including provider options and list items that need escaping (comma, percent, plus, ampersand,
     * equals sign, space, non-ASCII).
     */
    public static FlowOptions richOptions() {
        ProviderOptions own = ProviderOptions.NONE
                .withTexts("accountTypes", List.of("current", "savings, joint", "100% credit+card", "Überweisung"))
                .withFlag("allowMultiSelection", false)
                .with("trackingId", "track-42;a=b,c&d=%20")
                .with("providerId", "tatra-sk")
                .withFlag("saveSecrets", true)
                .with("empty", "");
        return new FlowOptions(Language.AR,
                List.of(AccountReference.parse("DE89 3704 0044 0532 0130 00"), AccountReference.parse("0532013000"),
                        AccountReference.parse("4111-1111 1111/1111")),
                Optional.of(new SyncPeriod(365)), Optional.empty(), own);
    }

    /** An ongoing-access flow awaiting the user, with every optional part present. */
    public static Flow awaitingFlow(UserId user, Instant at) {
        return Flow.start(FlowId.random(), user, AGGREGATOR, FlowKind.ONGOING_ACCESS, newState(), CALLBACK,
                richOptions(), Optional.of(URI.create("https://app.fintech.example/connected?tab=banks")),
                FlowCompletion.REDIRECT, Optional.of(ConsentId.random()), Optional.of("nrich-flow-" + FlowId.random()),
                URI.create("https://widget.nrich.example/flow/abc?lang=ar"),
                Optional.of(new PkceVerifier("pkce-" + "v".repeat(100))), at, POLICY);
    }

    /**
     * An income-report flow with the defaults: no optional part present, a reporting period instead of a sync period;
     * completed by confirmation.
     */
    public static Flow plainIncomeReportFlow(UserId user, Instant at) {
        FlowOptions options = new FlowOptions(Language.EN, List.of(), Optional.empty(),
                Optional.of(new ReportingPeriod(6)), ProviderOptions.NONE);
        return Flow.start(FlowId.random(), user, BANK, FlowKind.INCOME_REPORT, newState(), CALLBACK,
                options, Optional.empty(), FlowCompletion.CONFIRM, Optional.empty(), Optional.empty(),
                URI.create("https://bank.example/authorize?x=1"), Optional.empty(), at, POLICY);
    }

    public static IssuedTokens tokens(String access, String refresh) {
        return IssuedTokens.of(access, refresh, Duration.ofMinutes(15), "accounts=ro balance=ro transactions=ro offline");
    }

    /** An ongoing consent granted at {@code at}, with a refresh token and a provider consent end. */
    public static Consent ongoingConsent(UserId user, Instant at) {
        ConsentId id = ConsentId.random();
        return Consent.grant(id, user, AGGREGATOR, FlowKind.ONGOING_ACCESS, Optional.of("nrich-flow-" + id),
                tokens("at-" + id, "rt-" + id).withConsentExpiresIn(Duration.ofDays(180)), at, POLICY);
    }

    /** A one-time consent: no refresh token is ever kept. */
    public static Consent oneTimeConsent(UserId user, Instant at) {
        ConsentId id = ConsentId.random();
        return Consent.grant(id, user, AGGREGATOR, FlowKind.ONE_TIME_ACCESS, Optional.empty(),
                tokens("one-time-at-" + id, "ignored-rt-" + id), at, POLICY);
    }

    /** An ongoing consent whose next check is exactly {@code due}. */
    public static Consent consentDueAt(Instant due) {
        return ongoingConsent(ALICE, due.minus(Duration.ofDays(1))).checkAgainAt(due);
    }
}
