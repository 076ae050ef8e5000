package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.core.Ibans;
import io.consentgateway.sandbox.core.LateBooking;
import io.consentgateway.sandbox.core.Ledgers;
import io.consentgateway.sandbox.core.Profiles;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bank's account data in its JSON shapes (documented in docs/sandbox.md). Amounts are decimal
 * strings with a currency, as PSD2 APIs usually send them. Slovak IBANs, 400 days of history, plus the
 * {@link io.consentgateway.sandbox.core.LateBookings} a test added.
 */
public final class BankData {

    public static final int HISTORY_DAYS = 400;
    public static final int MIN_PAGE_SIZE = 10;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Set<String> TRANSACTION_FIELDS = Set.of("iban", "status", "dateFrom", "dateTo", "page", "pageSize");

    private static final Comparator<Account> BY_IBAN = Comparator.comparing(Account::iban);

    private final Ledgers ledgers;

    public BankData(SandboxClock clock) {
        this.ledgers = new Ledgers(clock, Profiles.SLOVAKIA, HISTORY_DAYS);
    }

    /** The whole ledger of a login name as of the simulator's today, late bookings included. */
    public Ledger ledger(String user) {
        return ledgers.ledger(user);
    }

    /**
     * The account of {@code user} that {@code reference} (its IBAN, or the sandbox's internal id) names; without a
     * reference the first, as {@code GET /api/v1/accounts} lists them (by IBAN). Empty when there is no such account.
     */
    public Optional<Account> bookingAccount(String user, String reference) {
        return reference == null ? ledgers.accounts(user).stream().min(BY_IBAN) : ledgers.account(user, reference);
    }

    /**
     * Books a transaction after the fact on an account of {@code user}: from now on the transactions call serves it.
     * {@link IllegalArgumentException} when its date is outside the history.
     */
    public Transaction book(String user, Account account, LateBooking booking) {
        return ledgers.book(user, account, booking);
    }

    /** Forgets every late booking. */
    public void clearLateBookings() {
        ledgers.clearLateBookings();
    }

    /** {@code GET /api/v1/accounts?page&pageSize&order}. */
    public JsonObject accounts(String user, String page, String pageSize, String order) {
        int p = intParam("page", page, 1, 1, Integer.MAX_VALUE);
        int size = stepsOfTen(intParam("pageSize", pageSize, MIN_PAGE_SIZE, MIN_PAGE_SIZE, MAX_PAGE_SIZE));
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw BankError.invalidRequest("order must be asc or desc");
        }
        List<Account> accounts = new ArrayList<>(ledger(user).accounts());
        accounts.sort("desc".equals(order) ? BY_IBAN.reversed() : BY_IBAN);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Account a : page(accounts, p, size)) {
            array.add(accountJson(a));
        }
        return paged("accounts", array, p, size, accounts.size());
    }

    /** {@code POST /api/v1/accounts/information {"iban"}}. */
    public JsonObject information(String user, JsonObject body) {
        for (String name : body.keySet()) {
            if (!name.equals("iban")) {
                throw BankError.invalidRequest("unknown field " + name);
            }
        }
        Ledger ledger = ledger(user);
        Account account = account(ledger, body);
        return Json.createObjectBuilder()
                .add("account", accountJson(account))
                .add("balances", Json.createArrayBuilder()
                        .add(balance("closingBooked", ledger.bookedBalance(account), account.currency(), ledger.today()))
                        .add(balance("interimAvailable", ledger.availableBalance(account).add(account.creditLine()),
                                account.currency(), ledger.today())))
                .build();
    }

    /** {@code POST /api/v1/accounts/transactions {iban, status, dateFrom, dateTo, page, pageSize}}. */
    public JsonObject transactions(String user, JsonObject body) {
        for (String name : body.keySet()) {
            if (!TRANSACTION_FIELDS.contains(name)) {
                throw BankError.invalidRequest("unknown field " + name);
            }
        }
        Ledger ledger = ledger(user);
        Account account = account(ledger, body);
        String status = text(body, "status", "ALL");
        if (!List.of("ALL", "BOOK", "INFO").contains(status)) {
            throw BankError.invalidRequest("status must be ALL, BOOK or INFO");
        }
        LocalDate from = date(body, "dateFrom");
        LocalDate to = date(body, "dateTo");
        if (from != null && to != null && from.isAfter(to)) {
            throw BankError.invalidRequest("dateFrom must not be after dateTo");
        }
        int p = intField(body, "page", 1, 1, Integer.MAX_VALUE);
        int size = stepsOfTen(intField(body, "pageSize", MIN_PAGE_SIZE, MIN_PAGE_SIZE, MAX_PAGE_SIZE));

        List<Transaction> selected = new ArrayList<>();
        for (Transaction t : ledger.transactionsOf(account.id())) {
            boolean statusMatches = status.equals("ALL") || (status.equals("BOOK") == t.booked());
            if (statusMatches && (from == null || !t.bookingDate().isBefore(from))
                    && (to == null || !t.bookingDate().isAfter(to))) {
                selected.add(t);
            }
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Transaction t : page(selected, p, size)) {
            array.add(transactionJson(t));
        }
        return paged("transactions", array, p, size, selected.size());
    }

    private static Account account(Ledger ledger, JsonObject body) {
        String iban = text(body, "iban", null);
        if (iban == null) {
            throw BankError.invalidRequest("iban is required");
        }
        if (!Ibans.isValid(iban)) {
            throw BankError.invalidRequest("iban is not a valid IBAN");
        }
        String normalized = Ibans.normalize(iban);
        return ledger.accounts().stream().filter(a -> a.iban().equals(normalized)).findFirst()
                .orElseThrow(() -> BankError.notFound("No consented account with this IBAN"));
    }

    private static <T> List<T> page(List<T> items, int page, int size) {
        long from = (long) (page - 1) * size;
        if (from >= items.size()) {
            return List.of();
        }
        return items.subList((int) from, (int) Math.min(items.size(), from + size));
    }

    private static JsonObject paged(String name, JsonArrayBuilder items, int page, int size, int total) {
        return Json.createObjectBuilder()
                .add(name, items)
                .add("page", page)
                .add("pageSize", size)
                .add("totalPages", (total + size - 1) / size)
                .add("totalElements", total)
                .build();
    }

    private static JsonObjectBuilder accountJson(Account a) {
        return Json.createObjectBuilder()
                .add("iban", a.iban())
                .add("bic", a.bank().bic())
                .add("currency", a.currency())
                .add("name", a.name())
                .add("product", "Current account")
                .add("ownerName", a.owner())
                .add("status", "enabled");
    }

    private static JsonObjectBuilder balance(String type, BigDecimal amount, String currency, LocalDate date) {
        return Json.createObjectBuilder()
                .add("balanceType", type)
                .add("balanceAmount", amount(amount, currency))
                .add("referenceDate", date.toString());
    }

    private static JsonObjectBuilder amount(BigDecimal amount, String currency) {
        return Json.createObjectBuilder().add("amount", amount.toPlainString()).add("currency", currency);
    }

    /** A transaction as the transactions call serves it. */
    public static JsonObject transactionJson(Transaction t) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("transactionId", t.id())
                .add("status", t.booked() ? "BOOK" : "INFO");
        if (t.booked()) {
            b.add("bookingDate", t.bookingDate().toString());
        }
        b.add("valueDate", t.valueDate().toString())
                .add("transactionAmount", amount(t.amount(), t.currency()))
                .add("creditDebitIndicator", t.amount().signum() < 0 ? "DBIT" : "CRDT")
                .add("counterpartyName", t.counterparty());
        if (t.counterpartyIban() != null) {
            b.add("counterpartyAccount", Json.createObjectBuilder().add("iban", t.counterpartyIban()));
        }
        b.add("remittanceInformation", t.purpose())
                .add("bankTransactionCode", t.bookingText());
        if (t.endToEndReference() != null) {
            b.add("endToEndId", t.endToEndReference());
        }
        if (t.mandateReference() != null) {
            b.add("mandateId", t.mandateReference());
        }
        if (t.creditorId() != null) {
            b.add("creditorId", t.creditorId());
        }
        return b.build();
    }

    private static String text(JsonObject body, String name, String defaultValue) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return defaultValue;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw BankError.invalidRequest(name + " must be a string");
    }

    private static LocalDate date(JsonObject body, String name) {
        String raw = text(body, name, null);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw BankError.invalidRequest(name + " must be a date YYYY-MM-DD");
        }
    }

    private static int intField(JsonObject body, String name, int defaultValue, int min, int max) {
        JsonValue v = body.get(name);
        if (v == null || v == JsonValue.NULL) {
            return defaultValue;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw BankError.invalidRequest(name + " must be an integer");
        }
        return checkRange(name, n.bigIntegerValue().min(java.math.BigInteger.valueOf(Integer.MAX_VALUE))
                .max(java.math.BigInteger.valueOf(Integer.MIN_VALUE)).intValue(), min, max);
    }

    private static int intParam(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            return checkRange(name, Integer.parseInt(raw.trim()), min, max);
        } catch (NumberFormatException e) {
            throw BankError.invalidRequest(name + " must be an integer");
        }
    }

    /** The bank takes page sizes 10 to 100 in steps of 10 (docs/providers/tatrabanka.md); 25 is refused like 5 or 101. */
    private static int stepsOfTen(int pageSize) {
        if (pageSize % 10 != 0) {
            throw BankError.invalidRequest("pageSize must be 10, 20, ... or 100");
        }
        return pageSize;
    }

    private static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw BankError.invalidRequest(max == Integer.MAX_VALUE ? name + " must be at least " + min
                    : name + " must be between " + min + " and " + max);
        }
        return value;
    }
}
