package io.consentgateway.sandbox.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic bank data: the same seed key gives the same owner, accounts and
 * transactions on every run.
 * <p>
 * Transactions are a function of (seed key, account, calendar date): the window moves with the
 * simulator's "today", but a transaction keeps its id and content from the day it appears until it
 * falls out of the window, like real booked history. The two most recent days are pending.
 */
public final class SyntheticLedger {

    /** How the data of one country looks: banks, names, counterparts. */
    public record Profile(String country, String currency, String accountPrefix, List<Bank> banks,
                          List<String> accountNames, List<String> firstNames, List<String> lastNames,
                          List<String> merchants, List<Recurring> recurring, Recurring salary, Recurring secondaryIncome) {
    }

    /** A fictional bank: name, national bank code, BIC. */
    public record Bank(String name, String code, String bic) {
    }

    /** A template of a monthly booking: counterpart, day of month, amount range, category. */
    public record Recurring(String counterpart, String category, String bookingText, int dayOfMonth,
                            int minAmount, int maxAmount, boolean credit) {
    }

    /** What a transaction is, for income reports. */
    public enum Nature { INCOME, REGULAR_EXPENSE, VARIABLE_EXPENSE }

    public record Account(int index, String id, String iban, String accountNumber, Bank bank, String name,
                          String owner, String currency, BigDecimal creditLine, BigDecimal monthlySpendingLimit,
                          BigDecimal openingBalance) {

        /** Whether {@code reference} names this account: its id, or its IBAN in electronic or print format. */
        public boolean isNamed(String reference) {
            return id.equals(reference) || iban.equals(Ibans.normalize(reference));
        }
    }

    public record Transaction(String id, String accountId, LocalDate bookingDate, LocalDate valueDate,
                              BigDecimal amount, String currency, String counterparty, String counterpartyIban,
                              String counterpartyBic, String purpose, String bookingText, String type,
                              String category, String endToEndReference, String mandateReference,
                              String creditorId, boolean booked, Nature nature) {
    }

    /** The order of an account's transactions: newest booking date first, then by id. */
    public static final Comparator<Transaction> NEWEST_FIRST =
            Comparator.comparing(Transaction::bookingDate).reversed().thenComparing(Transaction::id);

    /**
     * A data set, generated and maybe with transactions added: the accounts, and per account id its transactions,
     * newest first.
     */
    public record Ledger(LocalDate today, List<Account> accounts, Map<String, List<Transaction>> transactions) {

        public List<Transaction> transactionsOf(String accountId) {
            return transactions.getOrDefault(accountId, List.of());
        }

        /**
         * This ledger with {@code extra} transactions added to their accounts, every list still newest first. A
         * transaction of an account this ledger does not hold is left out.
         */
        public Ledger with(List<Transaction> extra) {
            if (extra.isEmpty()) {
                return this;
            }
            Map<String, List<Transaction>> merged = new LinkedHashMap<>(transactions);
            for (Transaction t : extra) {
                merged.computeIfPresent(t.accountId(), (accountId, list) -> {
                    List<Transaction> longer = new ArrayList<>(list);
                    longer.add(t);
                    longer.sort(NEWEST_FIRST);
                    return List.copyOf(longer);
                });
            }
            return new Ledger(today, accounts, Collections.unmodifiableMap(merged));
        }

        /** Opening balance plus every booked transaction. */
        public BigDecimal bookedBalance(Account account) {
            BigDecimal sum = account.openingBalance();
            for (Transaction t : transactionsOf(account.id())) {
                if (t.booked()) {
                    sum = sum.add(t.amount());
                }
            }
            return sum;
        }

        /** The booked balance plus pending transactions. */
        public BigDecimal availableBalance(Account account) {
            BigDecimal sum = account.openingBalance();
            for (Transaction t : transactionsOf(account.id())) {
                sum = sum.add(t.amount());
            }
            return sum;
        }
    }

    private static final long ACCOUNT_SALT = 0x9E3779B97F4A7C15L;
    private static final long DAY_SALT = 0xC2B2AE3D27D4EB4FL;
    private static final int PENDING_DAYS = 2;

    private SyntheticLedger() {
    }

    /**
     * Generates the ledger of {@code seedKey} for the {@code historyDays} days ending {@code today}.
     */
    public static Ledger generate(Profile profile, String seedKey, LocalDate today, int historyDays) {
        long seed = Seeds.of(profile.country(), seedKey);
        SplittableRandom rng = new SplittableRandom(seed);
        String owner = pick(rng, profile.firstNames()) + " " + pick(rng, profile.lastNames());
        int accountCount = 1 + rng.nextInt(3);

        List<Account> accounts = new ArrayList<>();
        Map<String, List<Transaction>> transactions = new LinkedHashMap<>();
        for (int i = 0; i < accountCount; i++) {
            Bank bank = pick(rng, profile.banks());
            String accountNumber = digits(rng, 10);
            String iban = Ibans.of(profile.country(), bank.code() + profile.accountPrefix() + accountNumber);
            String id = "A" + hex(Seeds.of(seedKey, iban)).substring(0, 8) + "." + (i + 1);
            Account account = new Account(i, id, iban, accountNumber, bank, profile.accountNames().get(i % profile.accountNames().size()),
                    owner, profile.currency(), money(1000 * (1 + rng.nextInt(3))), money(500 * (1 + rng.nextInt(4))),
                    money(800 + rng.nextInt(4200)));
            accounts.add(account);
            transactions.put(id, history(profile, seed, rng.nextLong(), account, today, historyDays));
        }
        return new Ledger(today, List.copyOf(accounts), Collections.unmodifiableMap(transactions));
    }

    private static List<Transaction> history(Profile profile, long seed, long accountSeed, Account account,
                                             LocalDate today, int historyDays) {
        SplittableRandom planRng = new SplittableRandom(accountSeed);
        List<Recurring> plan = new ArrayList<>();
        plan.add(account.index() == 0 ? profile.salary() : profile.secondaryIncome());
        for (Recurring r : profile.recurring()) {
            // The first account pays everything; the others a random half of the regular bills.
            if (account.index() == 0 || planRng.nextBoolean()) {
                plan.add(r);
            }
        }
        // Each counterpart has one stable IBAN and mandate per account.
        List<String> planIbans = new ArrayList<>();
        for (Recurring r : plan) {
            Bank bank = pick(planRng, profile.banks());
            planIbans.add(Ibans.of(profile.country(), bank.code() + profile.accountPrefix() + digits(planRng, 10)));
        }

        List<Transaction> result = new ArrayList<>();
        for (int back = historyDays - 1; back >= 0; back--) {
            LocalDate date = today.minusDays(back);
            boolean booked = back >= PENDING_DAYS;
            long daySeed = seed ^ ((account.index() + 1) * ACCOUNT_SALT) ^ (date.toEpochDay() * DAY_SALT);
            SplittableRandom dayRng = new SplittableRandom(daySeed);
            int n = 0;
            for (int p = 0; p < plan.size(); p++) {
                Recurring r = plan.get(p);
                if (date.getDayOfMonth() == Math.min(r.dayOfMonth(), date.lengthOfMonth())) {
                    int cents = r.minAmount() * 100 + dayRng.nextInt(Math.max(1, (r.maxAmount() - r.minAmount()) * 100));
                    BigDecimal amount = BigDecimal.valueOf(r.credit() ? cents : -cents, 2);
                    String month = date.getYear() + "-" + String.format(Locale.ROOT, "%02d", date.getMonthValue());
                    String mandate = r.credit() ? null : "MNDT-" + hex(accountSeed ^ p).substring(0, 8);
                    String creditor = r.credit() ? null : profile.country() + "98ZZZ" + String.format(Locale.ROOT, "%011d", Math.floorMod(accountSeed + p, 100_000_000_000L));
                    result.add(new Transaction(transactionId(daySeed, n++), account.id(), date, date, amount,
                            account.currency(), r.counterpart(), planIbans.get(p), null,
                            r.counterpart() + " " + month, r.bookingText(), r.credit() ? "Transfer" : "Direct debit",
                            r.category(), "E2E-" + hex(daySeed ^ p), mandate, creditor,
                            booked, r.credit() ? Nature.INCOME : Nature.REGULAR_EXPENSE));
                }
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            int purchases = (weekend ? 1 : 2) + dayRng.nextInt(2);
            for (int k = 0; k < purchases; k++) {
                String merchant = pick(dayRng, profile.merchants());
                int cents = 150 + dayRng.nextInt(account.index() == 0 ? 5500 : 3000);
                result.add(new Transaction(transactionId(daySeed, n++), account.id(), date, date,
                        BigDecimal.valueOf(-cents, 2), account.currency(), merchant, null, null,
                        "Card payment " + merchant, "Card payment", "Card payment", categoryOf(merchant),
                        null, null, null, booked, Nature.VARIABLE_EXPENSE));
            }
        }
        result.sort(NEWEST_FIRST);
        return List.copyOf(result);
    }

    private static String categoryOf(String merchant) {
        String m = merchant.toLowerCase(Locale.ROOT);
        if (m.contains("markt") || m.contains("bäck") || m.contains("potraviny") || m.contains("pekáreň")) {
            return "Groceries";
        }
        if (m.contains("tank") || m.contains("bahn") || m.contains("doprav") || m.contains("benz")) {
            return "Transport";
        }
        return "Shopping";
    }

    private static String transactionId(long daySeed, int n) {
        long mixed = new SplittableRandom(daySeed + n * 0x632BE59BD9B4E019L).nextLong();
        return "T" + hex(mixed);
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "%016X", value);
    }

    private static BigDecimal money(int units) {
        return BigDecimal.valueOf(units).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String digits(SplittableRandom rng, int count) {
        StringBuilder sb = new StringBuilder(count);
        sb.append(1 + rng.nextInt(9));
        for (int i = 1; i < count; i++) {
            sb.append(rng.nextInt(10));
        }
        return sb.toString();
    }

    private static <T> T pick(SplittableRandom rng, List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }
}
