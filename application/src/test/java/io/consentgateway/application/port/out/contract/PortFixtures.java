package io.consentgateway.application.port.out.contract;

import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowRequest;
import io.consentgateway.domain.flow.ProviderOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.AccountReference;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.ReportingPeriod;
import io.consentgateway.domain.shared.SyncPeriod;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.PkceVerifier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
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
        FlowRequest asked = new FlowRequest(user, AGGREGATOR, FlowKind.ONGOING_ACCESS, richOptions(),
                Optional.of(URI.create("https://app.fintech.example/connected?tab=banks")), FlowCompletion.REDIRECT,
                Optional.of(ConsentId.random()));
        Flow.Handshake handshake = new Flow.Handshake(newState(), CALLBACK, Optional.of("nrich-flow-" + FlowId.random()),
                URI.create("https://widget.nrich.example/flow/abc?lang=ar"));
        return Flow.start(FlowId.random(), asked, handshake, Optional.of(new PkceVerifier("pkce-" + "v".repeat(100))), at, POLICY);
    }

    /**
     * An income-report flow with the defaults: no optional part present, a reporting period instead of a sync period;
     * completed by confirmation.
     */
    public static Flow plainIncomeReportFlow(UserId user, Instant at) {
        FlowOptions options = new FlowOptions(Language.EN, List.of(), Optional.empty(),
                Optional.of(new ReportingPeriod(6)), ProviderOptions.NONE);
        FlowRequest asked = FlowRequest.of(user, BANK, FlowKind.INCOME_REPORT, options, Optional.empty(), FlowCompletion.CONFIRM);
        Flow.Handshake handshake = new Flow.Handshake(newState(), CALLBACK, Optional.empty(),
                URI.create("https://bank.example/authorize?x=1"));
        return Flow.start(FlowId.random(), asked, handshake, Optional.empty(), at, POLICY);
    }

    public static IssuedTokens tokens(String access, String refresh) {
        return IssuedTokens.of(access, refresh, Duration.ofMinutes(15), "accounts=ro balance=ro transactions=ro offline");
    }

    /** An ongoing consent granted at {@code at}, with a refresh token and a provider consent end. */
    public static Consent ongoingConsent(UserId user, Instant at) {
        ConsentId id = ConsentId.random();
        return Consent.grant(id, user, AGGREGATOR, ConsentKind.ONGOING_ACCESS, Optional.of("nrich-flow-" + id),
                tokens("at-" + id, "rt-" + id).withConsentExpiresIn(Duration.ofDays(180)), at, POLICY);
    }

    /** A one-time consent: no refresh token is ever kept. */
    public static Consent oneTimeConsent(UserId user, Instant at) {
        ConsentId id = ConsentId.random();
        return Consent.grant(id, user, AGGREGATOR, ConsentKind.ONE_TIME_ACCESS, Optional.empty(),
                tokens("one-time-at-" + id, "ignored-rt-" + id), at, POLICY);
    }

    /** An ongoing consent whose next check is exactly {@code due}. */
    public static Consent consentDueAt(Instant due) {
        return ongoingConsent(ALICE, due.minus(Duration.ofDays(1))).checkAgainAt(due);
    }

    // ---- account data: accounts, transactions, income reports ----

    /** Free text with what a codec or a column can get wrong: accents, an emoji (beyond U+FFFF), right-to-left, quotes. */
    public static final String UNICODE_TEXT = "Überweisung Miete März \uD83C\uDFE0 إيجار \"½\" 'x' ; -- %s \\ \t end";

    /** A debit with more digits than a double holds and a fine scale. */
    public static final Money LARGE_DEBIT = new Money(new BigDecimal("-123456789012345678901234567890.123456789"),
            Currency.getInstance("EUR"));
    /** An amount with a negative scale (12E+3): the scale must survive, not only the value. */
    public static final Money NEGATIVE_SCALE = new Money(new BigDecimal(BigInteger.valueOf(12), -3), Currency.getInstance("JPY"));

    /** An account with every optional part present. */
    public static Account richAccount(String id) {
        return new Account(id, Optional.of(Iban.parse("DE89 3704 0044 0532 0130 00")), Optional.of("0532013000"),
                Optional.of("37040044"), Optional.of("COBADEFFXXX"), Optional.of("Girokonto " + UNICODE_TEXT),
                Optional.of("Zoë Ñúñez-Østergård"), Optional.of("Commerzbank"), Optional.of(Currency.getInstance("EUR")),
                Optional.of("CHECKING"), Optional.of(new Balance(LARGE_DEBIT, Optional.of(T0),
                Optional.of(Money.of("5000.00", "EUR")), Optional.of(NEGATIVE_SCALE))));
    }

    /** An account with nothing but its id. */
    public static Account plainAccount(String id) {
        return new Account(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A booked transaction with every optional part present, booked on {@code date} and valued the day after. */
    public static Transaction richTransaction(String accountId, String id, LocalDate date) {
        return new Transaction(id, accountId, LARGE_DEBIT, Optional.of(date), Optional.of(date.plusDays(1)), true,
                Optional.of("Hausverwaltung Ünal & Söhne"), Optional.of("DE89370400440532013000"), Optional.of("COBADEFFXXX"),
                Optional.of(UNICODE_TEXT), Optional.of("SEPA-LASTSCHRIFT"), Optional.of("DIRECT_DEBIT"),
                List.of("housing", "rent \uD83C\uDFE0", "ümlaut"), Optional.of("E2E-REF-2026-03"), Optional.of("MANDATE-7"),
                Optional.of("DE98ZZZ09999999999"));
    }

    /** A transaction with no optional part: a date only where given, no texts, no categories. */
    public static Transaction plainTransaction(String accountId, String id, Optional<LocalDate> bookingDate,
                                               Optional<LocalDate> valueDate, boolean booked) {
        return new Transaction(id, accountId, Money.of("12.30", "EUR"), bookingDate, valueDate, booked, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A booked transaction, booked and valued on {@code date}. */
    public static Transaction booked(String accountId, String id, LocalDate date) {
        return plainTransaction(accountId, id, Optional.of(date), Optional.of(date), true);
    }

    /** A pending transaction: not booked yet, so it has a value date at most. */
    public static Transaction pending(String accountId, String id, Optional<LocalDate> valueDate) {
        return plainTransaction(accountId, id, Optional.empty(), valueDate, false);
    }

    /** An income report with every figure and stream part present. */
    public static IncomeReport richIncomeReport() {
        IncomeReport.Figures figures = new IncomeReport.Figures(Optional.of(new BigDecimal("41234.50")),
                Optional.of(new BigDecimal("-3100.125")), Optional.of(new BigDecimal("3900")),
                Optional.of(new BigDecimal("3436.208333333333333333")), Optional.of(12));
        IncomeReport.Stream salary = new IncomeReport.Stream("Gehalt " + UNICODE_TEXT, Optional.of("DE89370400440532013000"),
                Optional.of("MONTHLY"), Optional.of(new BigDecimal("3436.21")), Optional.of(12),
                Optional.of(LocalDate.of(2026, 2, 27)));
        IncomeReport.Stream sideJob = new IncomeReport.Stream("Nebenjob", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        return new IncomeReport(Optional.of(LocalDate.of(2025, 9, 1)), Optional.of(LocalDate.of(2026, 2, 28)),
                Optional.of("EUR"), figures, List.of(salary, sideJob), figures, List.of(sideJob), IncomeReport.Figures.empty(),
                figures, Optional.of(new BigDecimal("0.4375")), IncomeReport.Figures.empty());
    }

    /** An income report the provider left empty: no period, no figure, no stream. */
    public static IncomeReport emptyIncomeReport() {
        IncomeReport.Figures none = IncomeReport.Figures.empty();
        return new IncomeReport(Optional.empty(), Optional.empty(), Optional.empty(), none, List.of(), none, List.of(), none,
                none, Optional.empty(), none);
    }
}
