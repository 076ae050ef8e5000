package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link AccountDataStore} on JDBI: tables {@code consent_data}, {@code background_syncs}, {@code stored_accounts} and
 * {@code stored_transactions} (migration V8, which explains the key columns). Every payload is stored only
 * {@link SealedPayloads sealed}; one that does not decrypt fails the read with {@link StoredSecretUnreadable} instead
 * of being skipped, as a listing of consents would: a page or an account list without one of its items would be a
 * wrong answer, not a shorter one.
 *
 * <p>Each method runs in the caller's transaction when there is one, else on its own; {@link #store},
 * {@link #recordBackgroundSync} and the deletions run in one transaction each.
 */
final class JdbiAccountDataStore implements AccountDataStore {

    private static final String ENSURE_RECORD =
            "INSERT INTO consent_data (consent_id) VALUES (:consent_id) ON CONFLICT DO NOTHING";

    /** The records and their background syncs in one statement: one row per sync, or one with none. */
    private static final String STATES = """
            SELECT d.consent_id, d.synced_at, d.last_attempt_at, d.latest_booking_date, d.retain_until,
                   d.transaction_count, b.synced_at AS background_sync
              FROM consent_data d LEFT JOIN background_syncs b ON b.consent_id = d.consent_id
             WHERE d.consent_id IN (<consent_ids>)
             ORDER BY d.consent_id, b.synced_at""";

    /** Taken if nobody holds it: the row lock makes a second claimer wait for the first, then see its lease. */
    private static final String CLAIM = """
            UPDATE consent_data SET sync_lease_until = :lease_until, last_attempt_at = :now
             WHERE consent_id = :consent_id AND (sync_lease_until IS NULL OR sync_lease_until <= :now)""";

    /** The first write of a run: its row lock makes runs of one consent wait for each other. */
    private static final String RECORD_RUN = """
            UPDATE consent_data
               SET synced_at = :synced_at,
                   retain_until = COALESCE(:retain_until, retain_until),
                   income_report_enc = COALESCE(:income_report_enc, income_report_enc)
             WHERE consent_id = :consent_id""";

    private static final String INSERT_ACCOUNT = """
            INSERT INTO stored_accounts (consent_id, account_key, payload_enc)
            VALUES (:consent_id, :account_key, :payload_enc)""";

    /**
     * The pending transactions a run may have replaced: those dated on or after the window's first day (a sort day at
     * most the window's) or undated. Without a window the window day is {@link SortDay#UNDATED}, and all of them are.
     * Those the run still carries are stored again right after.
     */
    private static final String REMOVE_PENDING = """
            DELETE FROM stored_transactions
             WHERE consent_id = :consent_id AND booked = FALSE AND (sort_day <= :window_day OR sort_day = :undated)""";

    /** The figures of {@link SyncState} kept in the record, so reading them costs one row, not the history. */
    private static final String COUNT_TRANSACTIONS = """
            UPDATE consent_data
               SET transaction_count = (SELECT COUNT(*) FROM stored_transactions t WHERE t.consent_id = :consent_id),
                   latest_booking_date =
                       (SELECT MAX(t.booking_date) FROM stored_transactions t WHERE t.consent_id = :consent_id)
             WHERE consent_id = :consent_id""";

    /**
     * A page of all accounts: a range of {@code stored_transactions_page_idx}. The consent is in the {@code ORDER BY}
     * although it is fixed: H2 walks an index in order only when the order names its columns from the first.
     */
    static final String PAGE = """
            SELECT account_key, transaction_key, payload_enc FROM stored_transactions
             WHERE consent_id = :consent_id
               AND (sort_day, account_key, transaction_key) > (:start_day, :start_account, :start_id)
               AND sort_day <= :last_day
             ORDER BY consent_id, sort_day, account_key, transaction_key
             LIMIT :limit""";

    /** A page of one account: a range of {@code stored_transactions_account_page_idx}. */
    static final String ACCOUNT_PAGE = """
            SELECT account_key, transaction_key, payload_enc FROM stored_transactions
             WHERE consent_id = :consent_id AND account_key = :start_account
               AND (sort_day, transaction_key) > (:start_day, :start_id)
               AND sort_day <= :last_day
             ORDER BY consent_id, account_key, sort_day, transaction_key
             LIMIT :limit""";

    /** Walks {@code consent_data_synced_at_idx}: the never synced first, then the longest ago. */
    private static final String DUE = """
            SELECT consent_id FROM consent_data
             WHERE retain_until IS NULL
               AND (synced_at IS NULL OR synced_at < :before)
               AND (last_attempt_at IS NULL OR last_attempt_at < :before)
             ORDER BY synced_at NULLS FIRST, consent_id
             LIMIT :limit""";

    /** Locked, so that a retention moved meanwhile is seen before the rows go. */
    private static final String RETENTION_ENDED =
            "SELECT consent_id FROM consent_data WHERE retain_until <= :now FOR UPDATE";

    /** The tables that hold a consent's data besides its record. */
    private static final List<String> DATA_TABLES = List.of("stored_accounts", "stored_transactions", "background_syncs");

    private final Database database;
    private final SealedPayloads payloads;
    private final String upsertTransaction;

    JdbiAccountDataStore(Database database, SealedPayloads payloads) {
        this.database = database;
        this.payloads = payloads;
        this.upsertTransaction = database.dialect().upsert("stored_transactions",
                List.of("consent_id", "account_key", "transaction_key"),
                List.of("sort_day", "booking_date", "booked", "payload_enc"));
    }

    // ---- the record ----

    @Override
    public Optional<SyncState> syncState(ConsentId consentId) {
        return Optional.ofNullable(syncStates(List.of(consentId)).get(consentId));
    }

    @Override
    public Map<ConsentId, SyncState> syncStates(Collection<ConsentId> consentIds) {
        Map<ConsentId, SyncState> states = new HashMap<>();
        for (List<UUID> chunk : IdLists.chunks(consentIds.stream().map(ConsentId::value).distinct().toList())) {
            List<StateRow> rows = database.withHandle(handle -> handle.createQuery(STATES)
                    .bindList("consent_ids", chunk)
                    .map((rs, ctx) -> StateRow.of(rs))
                    .list());
            rows.stream()
                    .collect(Collectors.groupingBy(StateRow::consentId))
                    .forEach((id, ofOneConsent) -> states.put(new ConsentId(id), StateRow.state(ofOneConsent)));
        }
        return states;
    }

    @Override
    public boolean claimSync(ConsentId consentId, Instant now, Instant leaseUntil) {
        return database.withHandle(handle -> {
            ensureRecord(handle, consentId);
            return handle.createUpdate(CLAIM)
                    .bind("consent_id", consentId.value())
                    .bind("now", Columns.instant(now))
                    .bind("lease_until", Columns.instant(leaseUntil))
                    .execute() == 1;
        });
    }

    @Override
    public void releaseSync(ConsentId consentId) {
        database.withHandle(handle -> handle.createUpdate(
                        "UPDATE consent_data SET sync_lease_until = NULL WHERE consent_id = :consent_id")
                .bind("consent_id", consentId.value())
                .execute());
    }

    @Override
    public void recordBackgroundSync(ConsentId consentId, Instant at, Instant forgetBefore) {
        database.inTransaction(() -> database.withHandle(handle -> {
            ensureRecord(handle, consentId);
            handle.createUpdate("DELETE FROM background_syncs WHERE consent_id = :consent_id AND synced_at < :forget_before")
                    .bind("consent_id", consentId.value())
                    .bind("forget_before", Columns.instant(forgetBefore))
                    .execute();
            return handle.createUpdate("INSERT INTO background_syncs (consent_id, synced_at) VALUES (:consent_id, :synced_at)")
                    .bind("consent_id", consentId.value())
                    .bind("synced_at", Columns.instant(at))
                    .execute();
        }));
    }

    @Override
    public void retainUntil(ConsentId consentId, Instant until) {
        database.withHandle(handle -> handle.createUpdate(
                        "UPDATE consent_data SET retain_until = :until WHERE consent_id = :consent_id")
                .bind("consent_id", consentId.value())
                .bind("until", Columns.instant(until))
                .execute());
    }

    @Override
    public List<ConsentId> dueForBackgroundSync(Instant before, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return database.withHandle(handle -> handle.createQuery(DUE)
                .bind("before", Columns.instant(before))
                .bind("limit", limit)
                .map((rs, ctx) -> new ConsentId(Columns.uuid(rs, "consent_id")))
                .list());
    }

    // ---- a run ----

    @Override
    public void store(ConsentId consentId, SyncRun run) {
        database.inTransaction(() -> database.withHandle(handle -> {
            ensureRecord(handle, consentId);
            handle.createUpdate(RECORD_RUN)
                    .bind("consent_id", consentId.value())
                    .bind("synced_at", Columns.instant(run.syncedAt()))
                    .bind("retain_until", Columns.instant(run.retainUntil()))
                    .bind("income_report_enc",
                            run.incomeReport().map(report -> payloads.seal(consentId, report)).orElse(null))
                    .execute();
            replaceAccounts(handle, consentId, run.accounts());
            handle.createUpdate(REMOVE_PENDING)
                    .bind("consent_id", consentId.value())
                    .bind("window_day", run.window().map(SortDay::of).orElse(SortDay.UNDATED))
                    .bind("undated", SortDay.UNDATED)
                    .execute();
            upsertTransactions(handle, consentId, run.transactions());
            return handle.createUpdate(COUNT_TRANSACTIONS).bind("consent_id", consentId.value()).execute();
        }));
    }

    /** An account read twice (overlapping pages of a provider) is stored once, as last read: the id is the key. */
    private void replaceAccounts(Handle handle, ConsentId consentId, List<Account> accounts) {
        handle.createUpdate("DELETE FROM stored_accounts WHERE consent_id = :consent_id")
                .bind("consent_id", consentId.value())
                .execute();
        Map<String, Account> lastReadById = new LinkedHashMap<>();
        accounts.forEach(account -> lastReadById.put(account.id(), account));
        PreparedBatch batch = handle.prepareBatch(INSERT_ACCOUNT);
        for (Account account : lastReadById.values()) {
            batch.bind("consent_id", consentId.value())
                    .bind("account_key", SortableId.encode(account.id()))
                    .bind("payload_enc", payloads.seal(consentId, account))
                    .add();
        }
        execute(batch);
    }

    /**
     * One batch, however many transactions: a few round trips for a thousand. A transaction read twice is upserted
     * twice, and the last one stays.
     */
    private void upsertTransactions(Handle handle, ConsentId consentId, List<Transaction> transactions) {
        PreparedBatch batch = handle.prepareBatch(upsertTransaction);
        for (Transaction transaction : transactions) {
            batch.bind("consent_id", consentId.value())
                    .bind("account_key", SortableId.encode(transaction.accountId()))
                    .bind("transaction_key", SortableId.encode(transaction.id()))
                    .bind("sort_day", SortDay.of(transaction.effectiveDate()))
                    .bindByType("booking_date", transaction.bookingDate().orElse(null), LocalDate.class)
                    .bind("booked", transaction.booked())
                    .bind("payload_enc", payloads.seal(consentId, transaction))
                    .add();
        }
        execute(batch);
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    // ---- reading the data ----

    @Override
    public List<Account> accounts(ConsentId consentId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT account_key, payload_enc FROM stored_accounts WHERE consent_id = :consent_id"
                                + " ORDER BY account_key")
                .bind("consent_id", consentId.value())
                .map((rs, ctx) -> payloads.openAccount(consentId, SortableId.decode(rs.getBytes("account_key")),
                        rs.getString("payload_enc")))
                .list());
    }

    @Override
    public List<Transaction> transactions(ConsentId consentId, TransactionSlice slice) {
        TransactionKeyset keyset = TransactionKeyset.of(slice);
        Optional<String> account = slice.accountId();
        Optional<TransactionKeyset> range = account.isPresent()
                ? keyset.withinAccount(SortableId.encode(account.get()))
                : Optional.of(keyset);
        if (range.isEmpty()) {
            return List.of();
        }
        String page = account.isPresent() ? ACCOUNT_PAGE : PAGE;
        return database.withHandle(handle -> bindRange(handle.createQuery(page), range.get())
                .bind("consent_id", consentId.value())
                .bind("limit", slice.limit())
                .map((rs, ctx) -> payloads.openTransaction(consentId, SortableId.decode(rs.getBytes("account_key")),
                        SortableId.decode(rs.getBytes("transaction_key")), rs.getString("payload_enc")))
                .list());
    }

    static Query bindRange(Query page, TransactionKeyset range) {
        return page.bind("start_day", range.startDay())
                .bind("start_account", range.startAccount())
                .bind("start_id", range.startId())
                .bind("last_day", range.lastDay());
    }

    @Override
    public Optional<IncomeReport> incomeReport(ConsentId consentId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT income_report_enc FROM consent_data"
                                + " WHERE consent_id = :consent_id AND income_report_enc IS NOT NULL")
                .bind("consent_id", consentId.value())
                .mapTo(String.class)
                .findOne())
                .map(sealed -> payloads.openIncomeReport(consentId, sealed));
    }

    // ---- deleting ----

    @Override
    public int deleteRetentionEnded(Instant now) {
        return database.inTransaction(() -> database.withHandle(handle -> deleteRecords(handle,
                handle.createQuery(RETENTION_ENDED)
                        .bind("now", Columns.instant(now))
                        .map((rs, ctx) -> Columns.uuid(rs, "consent_id"))
                        .list())));
    }

    @Override
    public boolean delete(ConsentId consentId) {
        return database.inTransaction(() -> database.withHandle(
                handle -> deleteRecords(handle, List.of(consentId.value())) > 0));
    }

    /**
     * Deletes the consents' rows from every table of the store, the record first: its row lock keeps a run of the same
     * consent waiting until the rest is gone too, so no run leaves rows behind a deleted record. Answers how many
     * records there were.
     */
    private static int deleteRecords(Handle handle, List<UUID> consentIds) {
        int records = 0;
        for (List<UUID> chunk : IdLists.chunks(consentIds)) {
            records += handle.createUpdate("DELETE FROM consent_data WHERE consent_id IN (<consent_ids>)")
                    .bindList("consent_ids", chunk)
                    .execute();
            for (String table : DATA_TABLES) {
                handle.createUpdate("DELETE FROM " + table + " WHERE consent_id IN (<consent_ids>)")
                        .bindList("consent_ids", chunk)
                        .execute();
            }
        }
        return records;
    }

    // ---- helpers ----

    private static void ensureRecord(Handle handle, ConsentId consentId) {
        handle.createUpdate(ENSURE_RECORD).bind("consent_id", consentId.value()).execute();
    }

    /** One row of {@link #STATES}: a record, with one of its background syncs if it has any. */
    private record StateRow(UUID consentId, Optional<Instant> syncedAt, Optional<Instant> lastAttemptAt,
                            Optional<LocalDate> latestBookingDate, Optional<Instant> retainUntil, long transactionCount,
                            Optional<Instant> backgroundSync) {
        static StateRow of(ResultSet rs) throws SQLException {
            return new StateRow(Columns.uuid(rs, "consent_id"), Columns.optionalInstant(rs, "synced_at"),
                    Columns.optionalInstant(rs, "last_attempt_at"),
                    Optional.ofNullable(rs.getObject("latest_booking_date", LocalDate.class)),
                    Columns.optionalInstant(rs, "retain_until"), rs.getLong("transaction_count"),
                    Columns.optionalInstant(rs, "background_sync"));
        }

        /** The state of one record from all its rows, which differ only in the background sync. */
        static SyncState state(List<StateRow> rows) {
            StateRow record = rows.get(0);
            return new SyncState(record.syncedAt, record.lastAttemptAt, record.latestBookingDate, record.retainUntil,
                    rows.stream().flatMap(row -> row.backgroundSync.stream()).toList(), record.transactionCount);
        }
    }
}
