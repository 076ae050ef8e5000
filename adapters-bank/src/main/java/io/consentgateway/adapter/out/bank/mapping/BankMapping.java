package io.consentgateway.adapter.out.bank.mapping;

import io.consentgateway.adapter.kit.Lenient;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.IssuedTokens;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bank's answers to provider-neutral domain types, leniently: unknown fields are ignored, missing optional fields
 * are empty, a field of an unexpected JSON type is empty, an IBAN failing its check is kept as the account id but not
 * as an {@link Iban}. List items are read one by one: an item that is not a JSON object or lacks what the domain
 * requires (an account's IBAN, a transaction's id or amount) is left out rather than failing the whole list, and
 * counted in a WARNING (never with a value). An answer that lacks what the call is for (no body, not JSON, no access
 * token, a list that is not a list) is {@link ProviderUnavailable}. Messages never quote the answer.
 */
public final class BankMapping {
    /** A transaction or balance without any currency of its own nor of its account. */
    public static final Currency FALLBACK_CURRENCY = Currency.getInstance("EUR");
    /** The longest access token lifetime taken from {@code expires_in}; longer values are clamped to it. */
    public static final Duration MAX_EXPIRES_IN = Duration.ofDays(365);
    /** The longest consent remainder taken from {@code refresh_token_expires_in}; longer values are clamped to it. */
    public static final Duration MAX_CONSENT_EXPIRES_IN = Duration.ofDays(3_650);
    /** The bank's name, as this adapter speaks to exactly one bank. */
    public static final String BANK_NAME = "Tatra banka";
    private static final System.Logger LOG = System.getLogger(BankMapping.class.getName());

    private BankMapping() {
    }

    /** Parses an answer's body as a JSON object; anything else means the bank gave no usable answer. */
    public static JsonObject object(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw new ProviderUnavailable("tatrabanka " + what + " answered without a body");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            // falls through: never chain the parser's message, it may quote the body
        }
        throw new ProviderUnavailable("tatrabanka " + what + " sent an answer that is not the expected JSON object");
    }

    /**
     * The token answer. Runs after the bank may have spent the code or rotated the refresh token, so nothing but a
     * missing access token fails here: an unreadable, zero or negative {@code expires_in} is empty, a huge one clamped;
     * {@code refresh_token_expires_in} (the time left of the bank's consent) becomes
     * {@link IssuedTokens#consentExpiresIn()} when it is a non-negative number, and is ignored otherwise.
     */
    public static IssuedTokens tokens(JsonObject answer) {
        Optional<String> access = secret(answer.get("access_token"));
        if (access.isEmpty()) {
            throw new ProviderUnavailable("tatrabanka token endpoint answered without an access token");
        }
        IssuedTokens tokens = new IssuedTokens(
                new AccessToken(access.get()),
                secret(answer.get("refresh_token")).map(RefreshToken::new),
                Lenient.text(answer.get("token_type")).orElse(null),
                Lenient.text(answer.get("scope")).orElse(null),
                seconds(answer.get("expires_in"), MAX_EXPIRES_IN).filter(d -> !d.isZero()));
        return seconds(answer.get("refresh_token_expires_in"), MAX_CONSENT_EXPIRES_IN)
                .map(tokens::withConsentExpiresIn).orElse(tokens);
    }

    /** Whole seconds, non-negative, clamped to {@code max}; anything else is empty. */
    static Optional<Duration> seconds(JsonValue value, Duration max) {
        Optional<BigDecimal> seconds = Lenient.decimal(value).filter(s -> s.signum() >= 0);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        if (seconds.get().compareTo(BigDecimal.valueOf(max.getSeconds())) >= 0) {
            return Optional.of(max);
        }
        return Optional.of(Duration.ofSeconds(seconds.get().longValue()));
    }

    /** A token as sent (not stripped): a non-blank JSON string, else empty. */
    private static Optional<String> secret(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    /**
     * One page of a listing.
     *
     * @param items      the items that could be read
     * @param received   every item of the page, readable or not
     * @param totalPages the bank's {@code totalPages}, when it says
     */
    public record Page<T>(List<T> items, int received, Optional<Integer> totalPages) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** One page of {@code GET /api/v1/accounts}: {@code {"accounts":[...],"page","pageSize","totalPages"}}. */
    public static Page<Account> accountsPage(JsonObject answer) {
        return page(answer, "accounts", "account", BankMapping::account);
    }

    /**
     * One page of {@code POST /api/v1/accounts/transactions} for the account {@code accountId}.
     *
     * @param accountCurrency the account's currency, for items that lack their own
     */
    public static Page<Transaction> transactionsPage(JsonObject answer, String accountId, Optional<Currency> accountCurrency) {
        return page(answer, "transactions", "transaction", item -> transaction(item, accountId, accountCurrency));
    }

    private static <T> Page<T> page(JsonObject answer, String name, String what, Function<JsonObject, Optional<T>> reader) {
        JsonValue list = answer.get(name);
        Optional<Integer> totalPages = Lenient.integer(answer, "totalPages").filter(n -> n >= 0);
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return new Page<>(List.of(), 0, totalPages);
        }
        if (!(list instanceof JsonArray array)) {
            throw new ProviderUnavailable("tatrabanka sent its " + what + "s as something other than a list");
        }
        List<T> items = new ArrayList<>(array.size());
        int unreadable = 0;
        for (JsonValue item : array) {
            Optional<T> read = Optional.empty();
            if (item instanceof JsonObject object) {
                try {
                    read = reader.apply(object);
                } catch (RuntimeException e) {
                    read = Optional.empty();
                }
            }
            if (read.isPresent()) {
                items.add(read.get());
            } else {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            LOG.log(System.Logger.Level.WARNING, "tatrabanka sent {0} {1} item(s) that cannot be read: left out",
                    unreadable, what);
        }
        return new Page<>(items, array.size(), totalPages);
    }

    /**
     * An account of the listing (or the {@code account} of an information answer); its id is its IBAN in electronic
     * form. Without an IBAN there is nothing to ask its balance or transactions by: left out.
     */
    static Optional<Account> account(JsonObject o) {
        Optional<String> id = Lenient.text(o, "iban").map(BankMapping::accountId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Iban> iban;
        try {
            iban = Optional.of(new Iban(id.get()));
        } catch (RuntimeException e) {
            iban = Optional.empty();
        }
        return Optional.of(new Account(
                id.get(),
                iban,
                Optional.empty(),
                Optional.empty(),
                Lenient.text(o, "bic"),
                Lenient.text(o, "name"),
                Lenient.text(o, "ownerName"),
                Optional.of(BANK_NAME),
                Lenient.currency(Lenient.text(o, "currency").orElse(null)),
                Lenient.text(o, "product"),
                Optional.empty()));
    }

    /**
     * An account id as this adapter reports it and as the bank takes it back: the IBAN in electronic form (no spaces,
     * upper case) when it looks like one, else the text as sent.
     */
    public static String accountId(String text) {
        String stripped = text.strip();
        return Iban.looksLikeIban(stripped) ? stripped.replace(" ", "").toUpperCase(Locale.ROOT) : stripped;
    }

    /**
     * The balance of {@code POST /api/v1/accounts/information}: {@code closingBooked}, else {@code interimAvailable},
     * else the first readable one; empty when none can be read.
     */
    public static Optional<Balance> balance(JsonObject information, Optional<Currency> accountCurrency) {
        JsonValue list = information.get("balances");
        if (!(list instanceof JsonArray array)) {
            return Optional.empty();
        }
        Optional<Balance> closingBooked = Optional.empty();
        Optional<Balance> interimAvailable = Optional.empty();
        Optional<Balance> first = Optional.empty();
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject object)) {
                continue;
            }
            Optional<Balance> balance = balanceItem(object, accountCurrency);
            if (balance.isEmpty()) {
                continue;
            }
            String type = Lenient.text(object, "balanceType").orElse("");
            if (type.equalsIgnoreCase("closingBooked") && closingBooked.isEmpty()) {
                closingBooked = balance;
            } else if (type.equalsIgnoreCase("interimAvailable") && interimAvailable.isEmpty()) {
                interimAvailable = balance;
            }
            if (first.isEmpty()) {
                first = balance;
            }
        }
        if (closingBooked.isPresent()) {
            return closingBooked;
        }
        return interimAvailable.isPresent() ? interimAvailable : first;
    }

    private static Optional<Balance> balanceItem(JsonObject o, Optional<Currency> accountCurrency) {
        return money(Lenient.object(o, "balanceAmount").orElse(null), accountCurrency)
                .map(amount -> new Balance(amount,
                        Lenient.text(o, "referenceDateTime").or(() -> Lenient.text(o, "referenceDate"))
                                .flatMap(Lenient::instant),
                        Optional.empty(), Optional.empty()));
    }

    /** {@code {"amount":"12.30","currency":"EUR"}}; the amount a string or a number. */
    private static Optional<Money> money(JsonObject amount, Optional<Currency> fallback) {
        if (amount == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> value = Lenient.decimal(amount.get("amount"));
        Currency currency = Lenient.currency(Lenient.text(amount, "currency").orElse(null))
                .or(() -> fallback).orElse(FALLBACK_CURRENCY);
        return value.map(v -> new Money(v, currency));
    }

    /**
     * A transaction: {@code transactionId} and {@code transactionAmount} are required. The sign follows
     * {@code creditDebitIndicator} ({@code DBIT} negative, {@code CRDT} positive, whatever sign the amount was sent
     * with); without an indicator the amount keeps its own sign. {@code status} {@code BOOK} is booked, any other
     * status pending; without a status, a booking date means booked.
     */
    static Optional<Transaction> transaction(JsonObject o, String accountId, Optional<Currency> accountCurrency) {
        Optional<String> id = Lenient.text(o, "transactionId");
        Optional<Money> sent = money(Lenient.object(o, "transactionAmount").orElse(null), accountCurrency);
        if (id.isEmpty() || sent.isEmpty()) {
            return Optional.empty();
        }
        String indicator = Lenient.text(o, "creditDebitIndicator").orElse("").toUpperCase(Locale.ROOT);
        BigDecimal amount = sent.get().amount();
        if (indicator.equals("DBIT")) {
            amount = amount.abs().negate();
        } else if (indicator.equals("CRDT")) {
            amount = amount.abs();
        }
        Optional<java.time.LocalDate> bookingDate = Lenient.text(o, "bookingDate").flatMap(Lenient::date);
        Optional<String> status = Lenient.text(o, "status").map(s -> s.toUpperCase(Locale.ROOT));
        boolean booked = status.map("BOOK"::equals).orElse(bookingDate.isPresent());
        Optional<JsonObject> counterparty = Lenient.object(o, "counterpartyAccount");
        return Optional.of(new Transaction(
                id.get(),
                accountId,
                new Money(amount, sent.get().currency()),
                bookingDate,
                Lenient.text(o, "valueDate").flatMap(Lenient::date),
                booked,
                Lenient.text(o, "counterpartyName"),
                counterparty.flatMap(c -> Lenient.text(c, "iban")).map(BankMapping::accountId),
                counterparty.flatMap(c -> Lenient.text(c, "bic")),
                Lenient.text(o, "remittanceInformation"),
                Lenient.text(o, "bankTransactionCode"),
                Optional.empty(),
                List.of(),
                Lenient.text(o, "endToEndId"),
                Lenient.text(o, "mandateId"),
                Lenient.text(o, "creditorId")));
    }
}
