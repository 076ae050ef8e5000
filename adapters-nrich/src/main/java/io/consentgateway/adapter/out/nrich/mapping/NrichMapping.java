package io.consentgateway.adapter.out.nrich.mapping;

import io.consentgateway.adapter.kit.Lenient;
import io.consentgateway.adapter.out.nrich.api.AccountDto;
import io.consentgateway.adapter.out.nrich.api.BalanceDto;
import io.consentgateway.adapter.out.nrich.api.FlowCreated;
import io.consentgateway.adapter.out.nrich.api.IncomeReportResponse;
import io.consentgateway.adapter.out.nrich.api.TokenResponse;
import io.consentgateway.adapter.out.nrich.api.TransactionDto;
import io.consentgateway.application.port.out.ProviderFlow;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * nrich's answers to provider-neutral domain types, leniently: unknown fields are ignored, missing optional fields
 * are empty, a field of an unexpected JSON type (an array where text is expected, a number where an object is) is
 * empty, an IBAN failing its check is empty. List items are read one by one from JSON: an item that is not a JSON
 * object or cannot be read, or that lacks what the domain requires (an account id, a transaction id or amount), is
 * left out rather than failing the whole list; such items are counted and logged (WARNING), oddly typed fields
 * by name (FINE), never with a value. An answer that lacks what the call is for (no location, no access token, a
 * list that is not a list) is {@link ProviderUnavailable}. Messages never quote a token.
 */
public final class NrichMapping {
    /** A transaction (or balance) without a currency of its own nor of its account. */
    public static final Currency FALLBACK_CURRENCY = Currency.getInstance("EUR");
    /** The longest token lifetime taken from {@code expires_in}; longer (or absurd) values are clamped to it. */
    public static final Duration MAX_EXPIRES_IN = Duration.ofDays(365);
    private static final System.Logger LOG = System.getLogger(NrichMapping.class.getName());

    private NrichMapping() {
    }

    public static ProviderFlow flow(FlowCreated created) {
        if (created == null || Lenient.text(created.location()).isEmpty()) {
            throw new ProviderUnavailable("nrich flow initiation answered without a location");
        }
        URI location;
        try {
            location = new URI(created.location().strip());
        } catch (URISyntaxException e) {
            throw new ProviderUnavailable("nrich flow initiation answered with a location that is not a URI");
        }
        if (!location.isAbsolute() || location.getHost() == null) {
            throw new ProviderUnavailable("nrich flow initiation answered with a location that is not an absolute URL");
        }
        return new ProviderFlow(Lenient.text(created.id()), location, Optional.empty());
    }

    /**
     * The token answer. Runs after nrich may have rotated the refresh token, so nothing but a missing access token
     * fails here: {@code expires_in} that is absent, unreadable, zero or negative is empty, above
     * {@link #MAX_EXPIRES_IN} (however large) is clamped to it; an oddly typed {@code token_type} or {@code scope}
     * is left to the domain's defaults.
     */
    public static IssuedTokens tokens(TokenResponse response) {
        Optional<String> access = response == null ? Optional.empty() : secret(response.accessToken());
        if (access.isEmpty()) {
            throw new ProviderUnavailable("nrich token endpoint answered without an access token");
        }
        return new IssuedTokens(
                new AccessToken(access.get()),
                secret(response.refreshToken()).map(RefreshToken::new),
                Lenient.text(response.tokenType()).orElse(null),
                Lenient.text(response.scope()).orElse(null),
                expiresIn(response.expiresIn()));
    }

    static Optional<Duration> expiresIn(JsonValue value) {
        try {
            Optional<BigDecimal> seconds = Lenient.decimal(value).filter(s -> s.signum() > 0);
            if (seconds.isEmpty()) {
                return Optional.empty();
            }
            if (seconds.get().compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN.getSeconds())) >= 0) {
                return Optional.of(MAX_EXPIRES_IN);
            }
            Duration duration = Duration.ofSeconds(seconds.get().longValue());
            return duration.isZero() ? Optional.empty() : Optional.of(duration);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A token as sent (not stripped): a non-blank JSON string, else empty. */
    private static Optional<String> secret(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    /**
     * The items of a list nrich sent, each read on its own.
     *
     * @param items    the items that could be read (they may still lack what the domain requires)
     * @param received every item of the list, readable or not (what paging counts)
     */
    public record Received<T>(List<T> items, int received) {
    }

    /** {@code accounts[...]} of {@code GET /rest/accounts}, item by item; absent or JSON {@code null} is empty. */
    public static Received<AccountDto> accountItems(JsonValue list) {
        return items(list, "account", NrichMapping::accountDto);
    }

    /** {@code transactions[...]} of one transaction page, item by item; absent or JSON {@code null} is empty. */
    public static Received<TransactionDto> transactionItems(JsonValue list) {
        return items(list, "transaction", NrichMapping::transactionDto);
    }

    private static <T> Received<T> items(JsonValue list, String what, BiFunction<JsonObject, Set<String>, T> reader) {
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return new Received<>(List.of(), 0);
        }
        if (!(list instanceof JsonArray array)) {
            throw new ProviderUnavailable("nrich sent its " + what + "s as something other than a list");
        }
        List<T> items = new ArrayList<>(array.size());
        Set<String> odd = new TreeSet<>();
        int unreadable = 0;
        for (JsonValue item : array) {
            if (item instanceof JsonObject object) {
                try {
                    items.add(reader.apply(object, odd));
                } catch (RuntimeException e) {
                    unreadable++;
                }
            } else {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            LOG.log(System.Logger.Level.WARNING, "nrich sent {0} {1} item(s) that are not readable JSON objects: left out",
                    unreadable, what);
        }
        if (!odd.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "nrich sent {0} field(s) of an unexpected JSON type, read as empty: {1}",
                    what, String.join(", ", odd));
        }
        return new Received<>(List.copyOf(items), array.size());
    }

    private static AccountDto accountDto(JsonObject o, Set<String> odd) {
        return new AccountDto(
                Lenient.string(o, "account_id", odd),
                Lenient.string(o, "access_id", odd),
                Lenient.string(o, "account_number", odd),
                Lenient.string(o, "bank_code", odd),
                Lenient.string(o, "bic", odd),
                Lenient.string(o, "iban", odd),
                Lenient.string(o, "name", odd),
                Lenient.string(o, "owner", odd),
                Lenient.string(o, "bank_name", odd),
                Lenient.string(o, "currency", odd),
                Lenient.string(o, "type", odd),
                Lenient.object(o, "balance", odd).map(b -> new BalanceDto(
                        b.get("balance"),
                        Lenient.string(b, "balance_date", odd),
                        b.get("credit_line"),
                        b.get("monthly_spending_limit"))).orElse(null));
    }

    private static TransactionDto transactionDto(JsonObject o, Set<String> odd) {
        return new TransactionDto(
                Lenient.string(o, "transaction_id", odd),
                Lenient.string(o, "account_id", odd),
                Lenient.string(o, "name", odd),
                Lenient.string(o, "iban", odd),
                Lenient.string(o, "bic", odd),
                o.get("amount"),
                Lenient.string(o, "currency", odd),
                Lenient.string(o, "booking_date", odd),
                Lenient.string(o, "booked_at", odd),
                Lenient.string(o, "value_date", odd),
                Lenient.bool(o, "booked", odd),
                Lenient.string(o, "purpose", odd),
                Lenient.string(o, "booking_text", odd),
                Lenient.string(o, "type", odd),
                o.get("categories"),
                Lenient.string(o, "end_to_end_reference", odd),
                Lenient.string(o, "mandate_reference", odd),
                Lenient.string(o, "creditor_id", odd));
    }

    public static List<Account> accounts(List<AccountDto> dtos) {
        if (dtos == null) {
            return List.of();
        }
        List<Account> accounts = new ArrayList<>(dtos.size());
        int skipped = 0;
        for (AccountDto dto : dtos) {
            Optional<Account> account = dto == null ? Optional.empty() : account(dto);
            if (account.isPresent()) {
                accounts.add(account.get());
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, "nrich sent {0} account(s) without an account_id: left out", skipped);
        }
        return List.copyOf(accounts);
    }

    static Optional<Account> account(AccountDto dto) {
        Optional<String> id = Lenient.text(dto.accountId());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Currency> currency = Lenient.currency(dto.currency());
        return Optional.of(new Account(
                id.get(),
                iban(dto.iban()),
                Lenient.text(dto.accountNumber()),
                Lenient.text(dto.bankCode()),
                Lenient.text(dto.bic()),
                Lenient.text(dto.name()),
                Lenient.text(dto.owner()),
                Lenient.text(dto.bankName()),
                currency,
                Lenient.text(dto.type()),
                balance(dto.balance(), currency.orElse(FALLBACK_CURRENCY))));
    }

    private static Optional<Balance> balance(BalanceDto dto, Currency currency) {
        if (dto == null) {
            return Optional.empty();
        }
        return Lenient.decimal(dto.balance()).map(amount -> new Balance(
                new Money(amount, currency),
                Lenient.instant(dto.balanceDate()),
                Lenient.decimal(dto.creditLine()).map(v -> new Money(v, currency)),
                Lenient.decimal(dto.monthlySpendingLimit()).map(v -> new Money(v, currency))));
    }

    private static Optional<Iban> iban(String text) {
        if (Lenient.text(text).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Iban.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Transactions of one page.
     *
     * @param accountCurrency the currency of an account by its id, for a transaction without one (consulted only then)
     * @param onlyAccount     the account id to assume for a transaction without one (when exactly one was asked for)
     */
    public static List<Transaction> transactions(List<TransactionDto> dtos, Function<String, Optional<Currency>> accountCurrency,
                                                 Optional<String> onlyAccount) {
        if (dtos == null) {
            return List.of();
        }
        List<Transaction> out = new ArrayList<>(dtos.size());
        int skipped = 0;
        for (TransactionDto dto : dtos) {
            Optional<Transaction> t = dto == null ? Optional.empty() : transaction(dto, accountCurrency, onlyAccount);
            if (t.isPresent()) {
                out.add(t.get());
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING,
                    "nrich sent {0} transaction(s) without an id, an account id or a readable amount: left out", skipped);
        }
        return out;
    }

    /** True when the transaction names no usable currency of its own (so its account's is needed). */
    public static boolean lacksCurrency(TransactionDto dto) {
        return dto != null && Lenient.currency(dto.currency()).isEmpty();
    }

    static Optional<Transaction> transaction(TransactionDto dto, Function<String, Optional<Currency>> accountCurrency,
                                             Optional<String> onlyAccount) {
        Optional<String> id = Lenient.text(dto.transactionId());
        Optional<String> accountId = Lenient.text(dto.accountId()).or(() -> onlyAccount);
        Optional<BigDecimal> amount = Lenient.decimal(dto.amount());
        if (id.isEmpty() || accountId.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = Lenient.currency(dto.currency())
                .or(() -> accountCurrency.apply(accountId.get()))
                .orElse(FALLBACK_CURRENCY);
        Optional<LocalDate> bookingDate = Lenient.date(dto.bookingDate()).or(() -> Lenient.date(dto.bookedAt()));
        return Optional.of(new Transaction(
                id.get(),
                accountId.get(),
                new Money(amount.get(), currency),
                bookingDate,
                Lenient.date(dto.valueDate()),
                dto.booked() == null || dto.booked(),
                Lenient.text(dto.name()),
                Lenient.text(dto.iban()),
                Lenient.text(dto.bic()),
                Lenient.text(dto.purpose()),
                Lenient.text(dto.bookingText()),
                Lenient.text(dto.type()),
                categories(dto.categories()),
                Lenient.text(dto.endToEndReference()),
                Lenient.text(dto.mandateReference()),
                Lenient.text(dto.creditorId())));
    }

    private static List<String> categories(JsonValue value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    Lenient.text(s.getString()).ifPresent(out::add);
                } else if (item instanceof JsonObject o) {
                    Lenient.text(o, "name").or(() -> Lenient.text(o, "id")).ifPresent(out::add);
                }
            }
        } else if (value instanceof JsonString s) {
            Lenient.text(s.getString()).ifPresent(out::add);
        }
        return out;
    }

    public static IncomeReport incomeReport(IncomeReportResponse dto) {
        if (dto == null) {
            throw new ProviderUnavailable("nrich answered an empty income report");
        }
        Optional<JsonObject> period = Lenient.object(dto.period());
        Optional<LocalDate> from = period.flatMap(p -> Lenient.text(p, "from").or(() -> Lenient.text(p, "since"))
                .flatMap(t -> Lenient.dateOrMonth(t, false)));
        Optional<LocalDate> to = period.flatMap(p -> Lenient.text(p, "to").or(() -> Lenient.text(p, "until"))
                .flatMap(t -> Lenient.dateOrMonth(t, true)));
        Optional<JsonObject> income = Lenient.object(dto.income());
        Optional<JsonObject> regular = Lenient.object(dto.regularExpenses());
        Optional<JsonObject> disposable = Lenient.object(dto.disposableIncome());
        return new IncomeReport(
                from,
                to,
                Lenient.currency(dto.currency()).map(Currency::getCurrencyCode),
                summary(income),
                streams(income),
                summary(regular),
                streams(regular),
                summary(Lenient.object(dto.variableExpenses())),
                figures(disposable),
                disposable.flatMap(d -> Lenient.decimal(d, "ratio")),
                summary(Lenient.object(dto.discretionaryIncome())));
    }

    /** A section's figures: under {@code summary}, or on the section itself. */
    private static IncomeReport.Figures summary(Optional<JsonObject> section) {
        return figures(section.map(s -> Lenient.object(s, "summary").orElse(s)));
    }

    private static IncomeReport.Figures figures(Optional<JsonObject> figures) {
        if (figures.isEmpty()) {
            return IncomeReport.Figures.empty();
        }
        JsonObject f = figures.get();
        return new IncomeReport.Figures(Lenient.decimal(f, "total"), Lenient.decimal(f, "low"), Lenient.decimal(f, "high"),
                Lenient.decimal(f, "average"), Lenient.integer(f, "count"));
    }

    private static List<IncomeReport.Stream> streams(Optional<JsonObject> section) {
        List<IncomeReport.Stream> out = new ArrayList<>();
        JsonValue streams = section.map(s -> s.get("streams")).orElse(null);
        if (streams instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject s) {
                    Lenient.text(s, "name").ifPresent(name -> out.add(new IncomeReport.Stream(
                            name,
                            Lenient.text(s, "iban"),
                            Lenient.text(s, "frequency"),
                            Lenient.decimal(s, "average"),
                            Lenient.integer(s, "count"),
                            Lenient.text(s, "last_date").flatMap(Lenient::date))));
                }
            }
        }
        return out;
    }
}
