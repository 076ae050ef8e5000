package io.consentgateway.sandbox.nrich;

import io.consentgateway.sandbox.core.LateBooking;
import io.consentgateway.sandbox.core.Ledgers;
import io.consentgateway.sandbox.core.Profiles;
import io.consentgateway.sandbox.core.SandboxClock;
import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import io.consentgateway.sandbox.core.TokenAuthority.GrantView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * nrich's financial data for a grant, in nrich's JSON shapes (figo-derived field names).
 * The data comes from {@link io.consentgateway.sandbox.core.SyntheticLedger} with the German profile: 400 days of history, plus the
 * {@link io.consentgateway.sandbox.core.LateBookings} a test added.
 */
public final class NrichData {

    public static final int HISTORY_DAYS = 400;
    private static final int MAX_REPORT_MONTHS = 24;

    private final SandboxClock clock;
    private final Ledgers ledgers;

    public NrichData(SandboxClock clock) {
        this.clock = clock;
        this.ledgers = new Ledgers(clock, Profiles.GERMANY, HISTORY_DAYS);
    }

    /** The whole ledger of a seed key as of the simulator's today, late bookings included. */
    public Ledger ledger(String seedKey) {
        return ledgers.ledger(seedKey);
    }

    /**
     * The account of {@code seedKey} that {@code reference} (its {@code account_id} or IBAN) names; without a
     * reference the first, as {@code GET /rest/accounts} lists them. Empty when there is no such account.
     */
    public Optional<Account> bookingAccount(String seedKey, String reference) {
        return reference == null ? ledgers.accounts(seedKey).stream().findFirst() : ledgers.account(seedKey, reference);
    }

    /**
     * Books a transaction after the fact on an account of {@code seedKey}: from now on every grant covering that
     * account serves it. {@link IllegalArgumentException} when its date is outside the history.
     */
    public Transaction book(String seedKey, Account account, LateBooking booking) {
        return ledgers.book(seedKey, account, booking);
    }

    /** Forgets every late booking. */
    public void clearLateBookings() {
        ledgers.clearLateBookings();
    }

    /** A transaction as {@code GET /rest/transactions} serves it without {@code cents}. */
    public static JsonObject transactionJson(Transaction t) {
        return transactionJson(t, false);
    }

    /** The accounts a grant covers. */
    public List<Account> accounts(GrantView<NrichGrant> grant) {
        Ledger ledger = ledger(grant.details().seedKey());
        List<Account> accounts = ledger.accounts();
        if (!grant.details().accountIds().isEmpty()) {
            accounts = accounts.stream().filter(a -> grant.details().accountIds().contains(a.id())).toList();
        }
        if (grant.details().singleAccount() && accounts.size() > 1) {
            accounts = List.of(accounts.get(0));
        }
        return accounts;
    }

    public JsonObject accountsJson(GrantView<NrichGrant> grant) {
        Ledger ledger = ledger(grant.details().seedKey());
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Account account : accounts(grant)) {
            array.add(accountJson(ledger, account, grant));
        }
        return Json.createObjectBuilder().add("accounts", array).build();
    }

    public JsonObject accountJson(GrantView<NrichGrant> grant, String accountId) {
        return accountJson(ledger(grant.details().seedKey()), account(grant, accountId), grant);
    }

    public JsonObject balanceJson(GrantView<NrichGrant> grant, String accountId) {
        Ledger ledger = ledger(grant.details().seedKey());
        return balance(ledger, account(grant, accountId)).build();
    }

    public JsonObject transactionsJson(GrantView<NrichGrant> grant, TransactionQuery query) {
        List<Account> granted = accounts(grant);
        Set<String> grantedIds = new HashSet<>();
        granted.forEach(a -> grantedIds.add(a.id()));
        for (String id : query.accounts()) {
            if (!grantedIds.contains(id)) {
                throw NrichError.badRequest("Invalid query parameters", Map.of("accounts", "unknown account id"));
            }
        }
        Ledger ledger = ledger(grant.details().seedKey());
        List<Transaction> selected = new ArrayList<>();
        for (Account account : granted) {
            if (!query.accounts().isEmpty() && !query.accounts().contains(account.id())) {
                continue;
            }
            for (Transaction t : ledger.transactionsOf(account.id())) {
                if ((t.booked() || query.includePending())
                        && (query.since() == null || !t.bookingDate().isBefore(query.since()))
                        && (query.until() == null || !t.bookingDate().isAfter(query.until()))) {
                    selected.add(t);
                }
            }
        }
        Comparator<Transaction> order = Comparator.comparing(Transaction::bookingDate)
                .thenComparing(Transaction::accountId).thenComparing(Transaction::id);
        selected.sort(query.ascending() ? order : order.reversed());
        JsonArrayBuilder array = Json.createArrayBuilder();
        int end = (int) Math.min(selected.size(), (long) query.offset() + query.count());
        for (int i = query.offset(); i < end; i++) {
            array.add(transactionJson(selected.get(i), query.cents()));
        }
        return Json.createObjectBuilder().add("transactions", array).build();
    }

    /** The report of an income-report flow: the grant's reporting months up to the last complete month. */
    public JsonObject incomeReportJson(GrantView<NrichGrant> grant, String flowId) {
        requireIncomeReport(grant);
        if (!grant.details().flowId().equals(flowId)) {
            throw NrichError.notFound("No income report with this id for this access");
        }
        YearMonth to = YearMonth.from(clock.today()).minusMonths(1);
        YearMonth from = to.minusMonths(grant.details().reportingMonths() - 1L);
        return NrichIncomeReport.of(ledger(grant.details().seedKey()), accounts(grant), from, to);
    }

    /** The older {@code GET /rest/income-report?since=YYYY-MM&until=YYYY-MM}. */
    public JsonObject incomeReportJson(GrantView<NrichGrant> grant, String since, String until) {
        requireIncomeReport(grant);
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth current = YearMonth.from(clock.today());
        YearMonth to = until == null ? current.minusMonths(1) : month("until", until, errors);
        YearMonth from = since == null ? (to == null ? null : to.minusMonths(grant.details().reportingMonths() - 1L))
                : month("since", since, errors);
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                errors.put("since", "must not be after until");
            } else if (to.isAfter(current)) {
                errors.put("until", "must not be in the future");
            } else if (ChronoUnit.MONTHS.between(from, to) >= MAX_REPORT_MONTHS) {
                errors.put("since", "the period must be at most " + MAX_REPORT_MONTHS + " months");
            }
        }
        if (!errors.isEmpty()) {
            throw NrichError.badRequest("Invalid query parameters", errors);
        }
        return NrichIncomeReport.of(ledger(grant.details().seedKey()), accounts(grant), from, to);
    }

    private static void requireIncomeReport(GrantView<NrichGrant> grant) {
        if (grant.details().kind() != NrichFlowKind.INCOME_REPORT) {
            throw NrichError.forbidden("This access was not granted for an income report");
        }
    }

    private static YearMonth month(String name, String raw, Map<String, String> errors) {
        try {
            if (!raw.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("shape", raw, 0);
            }
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            errors.put(name, "must be a month YYYY-MM");
            return null;
        }
    }

    private Account account(GrantView<NrichGrant> grant, String accountId) {
        return accounts(grant).stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> NrichError.notFound("Unknown account"));
    }

    private JsonObject accountJson(Ledger ledger, Account account, GrantView<NrichGrant> grant) {
        String syncedAt = grant.grantedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        return Json.createObjectBuilder()
                .add("account_id", account.id())
                .add("access_id", "ACC" + grant.id().substring(0, 8).toUpperCase(java.util.Locale.ROOT))
                .add("account_number", account.accountNumber())
                .add("bank_code", account.bank().code())
                .add("bic", account.bank().bic())
                .add("iban", account.iban())
                .add("name", account.name())
                .add("owner", account.owner())
                .add("bank_name", account.bank().name())
                .add("currency", account.currency())
                .add("type", "Giro account")
                .add("balance", balance(ledger, account))
                .add("status", Json.createObjectBuilder().add("synced_at", syncedAt).add("succeeded_at", syncedAt))
                .build();
    }

    private JsonObjectBuilder balance(Ledger ledger, Account account) {
        return Json.createObjectBuilder()
                .add("balance", ledger.bookedBalance(account))
                .add("balance_date", ledger.today().toString())
                .add("credit_line", account.creditLine())
                .add("monthly_spending_limit", account.monthlySpendingLimit());
    }

    private static JsonObject transactionJson(Transaction t, boolean cents) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("transaction_id", t.id())
                .add("account_id", t.accountId())
                .add("name", t.counterparty());
        optional(b, "iban", t.counterpartyIban());
        optional(b, "bic", t.counterpartyBic());
        if (cents) {
            b.add("amount", t.amount().movePointRight(2).longValueExact());
        } else {
            b.add("amount", t.amount());
        }
        b.add("currency", t.currency())
                .add("booking_date", t.bookingDate().toString())
                .add("value_date", t.valueDate().toString())
                .add("booked", t.booked())
                .add("purpose", t.purpose())
                .add("booking_text", t.bookingText())
                .add("type", t.type())
                .add("categories", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", t.category())));
        optional(b, "end_to_end_reference", t.endToEndReference());
        optional(b, "mandate_reference", t.mandateReference());
        optional(b, "creditor_id", t.creditorId());
        return b.build();
    }

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
