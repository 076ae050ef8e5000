package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.adapter.out.persistence.crypto.StoredSecretUnreadable;
import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.CanaryTraces;
import io.consentgateway.adapter.out.persistence.testing.InterleavingDataSource;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AuthorizationCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainIncomeReportFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.BOB;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.awaitingFlow;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static io.consentgateway.application.port.out.contract.PortFixtures.richAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.richIncomeReport;
import static io.consentgateway.application.port.out.contract.PortFixtures.richTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets at rest, observed in the raw rows: what the database holds, and how a bad value fails. */
abstract class EncryptionAtRestTests {

    protected abstract AdapterExtension db();

    private Jdbi raw() {
        return Jdbi.create(db().database().dataSource());
    }

    private Map<String, Object> rawRow(String table, UUID id) {
        return raw().withHandle(h -> h.createQuery("SELECT * FROM " + table + " WHERE id = :id").bind("id", id).mapToMap().one());
    }

    @Test
    void aFailedStatementIsReportedWithItsSqlButNeverWithWhatWasBound() {
        String state = "state-value-a-log-must-not-show";
        Database database = new Database(raw());

        assertThatThrownBy(() -> database.withHandle(h -> h.createUpdate("UPDATE flows SET no_such_column = :widget_url")
                .bind("widget_url", "https://bank.example/authorize?state=" + state).execute()))
                .hasMessageContaining("UPDATE flows SET no_such_column")
                .hasMessageContaining("arguments not shown")
                .hasMessageNotContaining(state);
    }

    @Test
    void tokensAreStoredOnlyEncryptedUnderTheCurrentKey() {
        Consent consent = db().adapter().consents().save(ongoingConsent(ALICE, T0));

        Map<String, Object> row = rawRow("consents", consent.id().value());

        assertThat((String) row.get("access_token_enc")).startsWith("v1.test-1.")
                .doesNotContain(consent.tokens().accessToken().reveal());
        assertThat((String) row.get("refresh_token_enc")).startsWith("v1.test-1.")
                .doesNotContain(consent.refreshToken().orElseThrow().reveal());
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(consent.tokens().accessToken().reveal()));
    }

    @Test
    void stateIsStoredAsItsHashAndEncryptedAndTheVerifierOnlyEncrypted() {
        Flow flow = db().adapter().flows().save(awaitingFlow(ALICE, T0));

        Map<String, Object> row = rawRow("flows", flow.id().value());

        assertThat(row.get("state_hash")).isEqualTo(JdbiFlows.stateHash(flow.state()));
        assertThat((String) row.get("state_enc")).startsWith("v1.test-1.").doesNotContain(flow.state().value());
        assertThat((String) row.get("pkce_verifier_enc")).startsWith("v1.test-1.")
                .doesNotContain(flow.pkceVerifier().orElseThrow().reveal());
    }

    @Test
    void aCodeHeldForConfirmationAndItsConfirmationCodeAreStoredOnlyEncrypted() {
        Flow stored = db().adapter().flows().save(plainIncomeReportFlow(ALICE, T0));
        AuthorizationCode code = new AuthorizationCode("held-code-in-clear-" + UUID.randomUUID());
        ConfirmationCode confirmation = new ConfirmationCode("confirmation-in-clear-" + UUID.randomUUID());
        db().adapter().flows().save(stored.awaitingUser().orElseThrow().holdCode(code, confirmation, T0.plusSeconds(10), POLICY));

        Map<String, Object> row = rawRow("flows", stored.id().value());

        assertThat((String) row.get("code_enc")).startsWith("v1.test-1.");
        assertThat((String) row.get("confirmation_enc")).startsWith("v1.test-1.");
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(code.reveal()).doesNotContain(confirmation.reveal()));
    }

    @Test
    void tokenCopiedIntoAnotherRowFailsClosedNamingThatRowButNotTheSecret() {
        Consent alices = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        Consent bobs = db().adapter().consents().save(ongoingConsent(BOB, T0));
        String alicesCiphertext = (String) rawRow("consents", alices.id().value()).get("access_token_enc");
        raw().useHandle(h -> h.createUpdate("UPDATE consents SET access_token_enc = :c WHERE id = :id")
                .bind("c", alicesCiphertext).bind("id", bobs.id().value()).execute());

        assertThatThrownBy(() -> db().adapter().consents().findById(bobs.id()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("consents.access_token of row " + bobs.id())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(alicesCiphertext.substring(10),
                        alices.tokens().accessToken().reveal(), bobs.tokens().accessToken().reveal()));
        assertThat(db().adapter().consents().findById(alices.id())).isPresent();
    }

    @Test
    void tamperedStateFailsClosed() {
        Flow flow = db().adapter().flows().save(awaitingFlow(ALICE, T0));
        raw().useHandle(h -> h.createUpdate("UPDATE flows SET state_enc = REPLACE(state_enc, 'v1.test-1.', 'v1.test-1.A')"
                + " WHERE id = :id").bind("id", flow.id().value()).execute());

        assertThatThrownBy(() -> db().adapter().flows().findByState(flow.state()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("flows.state of row " + flow.id());
    }

    @Test
    void rowsWrittenWithAnOlderKeyStayReadableAfterANewCurrentKey() {
        String oldKey = TestKeys.newKeyBase64();
        String newKey = TestKeys.newKeyBase64();
        PersistenceAdapter before = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("2026-05", "2026-05:" + oldKey));
        Consent written = before.consents().save(ongoingConsent(ALICE, T0));

        PersistenceAdapter after = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("2026-11", "2026-05:" + oldKey + ",2026-11:" + newKey));

        Consent read = after.consents().findById(written.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(written.snapshot());
        Consent rewritten = after.consents().save(read.checkAgainAt(T0.plusSeconds(60)));
        assertThat((String) rawRow("consents", rewritten.id().value()).get("access_token_enc")).startsWith("v1.2026-11.");
        assertThat(after.consents().findById(written.id()).orElseThrow().tokens()).isEqualTo(written.tokens());
    }

    @Test
    void rowOfAKeyNoLongerConfiguredFailsClosedNamingTheKeyId() {
        Consent written = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        PersistenceAdapter withoutTheKey = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + TestKeys.newKeyBase64()));

        assertThatThrownBy(() -> withoutTheKey.consents().findById(written.id()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("key id 'test-1'")
                .hasMessageContaining("consents.access_token of row " + written.id());
    }

    @Test
    void anUnreadableRowIsLeftOutOfAListingAndTheOthersAreServed() {
        Consent unreadable = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        String otherKey = TestKeys.newKeyBase64();
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + otherKey));
        Consent readable = rotated.consents().save(ongoingConsent(ALICE, T0.plusSeconds(1)));

        assertThat(rotated.consents().findByUser(ALICE)).extracting(Consent::id).containsExactly(readable.id());
        assertThat(rotated.consents().idsOfUser(ALICE)).as("what erasure looks for: every consent, readable or not")
                .containsExactlyInAnyOrder(unreadable.id(), readable.id());
    }

    @Test
    void anUnreadableFlowDoesNotStopTheOthersFromLapsing() {
        Flow unreadable = db().adapter().flows()
                .save(awaitingFlow(ALICE, T0));
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("other", "other:" + TestKeys.newKeyBase64()));
        Flow readable = rotated.flows()
                .save(awaitingFlow(ALICE, T0));

        assertThat(rotated.flows().findLapsed(T0.plus(java.time.Duration.ofDays(1)), 10))
                .extracting(Flow::id).containsExactly(readable.id());
        assertThat(unreadable.id()).isNotEqualTo(readable.id());
    }

    // ---- the account data store ----

    private static final List<String> ACCOUNT_DATA_TABLES =
            List.of("consent_data", "background_syncs", "stored_accounts", "stored_transactions");
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    private AccountDataStore store() {
        return db().adapter().accountData();
    }

    @Test
    void aCanaryInAStoredTransactionAccountOrIncomeReportAppearsInNoColumnOfTheDatabase() {
        String canary = "CANARY-" + UUID.randomUUID();
        Transaction transaction = withCanary(richTransaction("giro", "t-1", DAY), canary);
        Account account = new Account("giro", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Account " + canary), Optional.of("Owner " + canary), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        IncomeReport richReport = richIncomeReport();
        IncomeReport report = new IncomeReport(richReport.periodFrom(), richReport.periodTo(), richReport.currency(),
                richReport.income(), List.of(new IncomeReport.Stream("Salary " + canary, Optional.of(canary), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())), richReport.regularExpenses(), List.of(),
                richReport.variableExpenses(), richReport.disposableIncome(), richReport.disposableIncomeRatio(),
                richReport.discretionaryIncome());
        ConsentId consent = ConsentId.random();

        store().store(consent, new SyncRun(List.of(account), List.of(transaction), Optional.empty(), Optional.of(report),
                T0, Optional.empty()));

        assertThat(store().transactions(consent, page()).get(0).purpose()).contains("Purpose " + canary);
        List<String> cells = allCellsOf(ACCOUNT_DATA_TABLES);
        assertThat(cells).as("the rows were read").anySatisfy(cell -> assertThat(cell).startsWith("v1.test-1."));
        for (String trace : CanaryTraces.of(canary)) {
            assertThat(cells).allSatisfy(cell -> assertThat(cell).doesNotContain(trace));
        }
    }

    @Test
    void aTransactionPayloadCopiedToAnotherRowFailsClosedNamingThatRow() {
        ConsentId consent = ConsentId.random();
        store().store(consent, new SyncRun(List.of(), List.of(richTransaction("giro", "original", DAY),
                richTransaction("giro", "target", DAY.minusDays(1))), Optional.empty(), Optional.empty(), T0, Optional.empty()));
        copyCell("stored_transactions", "transaction_key", SortableId.encode("original"), SortableId.encode("target"));

        assertThatThrownBy(() -> store().transactions(consent, page()))
                .isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("stored_transactions.payload of row " + SealedPayloads.row(consent, "giro", "target"))
                .hasMessageNotContaining("Hausverwaltung");
    }

    @Test
    void aPayloadCopiedToAnotherConsentFailsClosed() {
        ConsentId alices = ConsentId.random();
        ConsentId bobs = ConsentId.random();
        for (ConsentId consent : List.of(alices, bobs)) {
            store().store(consent, new SyncRun(List.of(richAccount("giro")), List.of(richTransaction("giro", "same-id", DAY)),
                    Optional.empty(), Optional.of(richIncomeReport()), T0, Optional.empty()));
        }
        copyCell("stored_accounts", "consent_id", alices.value(), bobs.value());
        copyCell("stored_transactions", "consent_id", alices.value(), bobs.value());
        raw().useHandle(h -> h.createUpdate("UPDATE consent_data SET income_report_enc ="
                        + " (SELECT income_report_enc FROM consent_data WHERE consent_id = :from) WHERE consent_id = :to")
                .bind("from", alices.value()).bind("to", bobs.value()).execute());

        assertThatThrownBy(() -> store().accounts(bobs)).isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("stored_accounts.payload of row " + bobs);
        assertThatThrownBy(() -> store().transactions(bobs, page())).isInstanceOf(StoredSecretUnreadable.class);
        assertThatThrownBy(() -> store().incomeReport(bobs)).isInstanceOf(StoredSecretUnreadable.class)
                .hasMessageContaining("consent_data.income_report of row " + bobs);
        assertThat(store().accounts(alices)).containsExactly(richAccount("giro"));
    }

    // ---- finishing a rotation ----

    private static final List<String> ENCRYPTED_COLUMNS = List.of("consents.access_token_enc", "consents.refresh_token_enc",
            "flows.state_enc", "flows.pkce_verifier_enc", "flows.code_enc", "flows.confirmation_enc",
            "consent_data.income_report_enc", "stored_accounts.payload_enc", "stored_transactions.payload_enc");

    /** Every value stored in an encrypted column, NULLs left out. */
    private List<String> encryptedValues() {
        List<String> values = new ArrayList<>();
        for (String column : ENCRYPTED_COLUMNS) {
            String[] parts = column.split("\\.");
            values.addAll(raw().withHandle(h -> h.createQuery("SELECT " + parts[1] + " FROM " + parts[0] + " WHERE "
                    + parts[1] + " IS NOT NULL").mapTo(String.class).list()));
        }
        return values;
    }

    @Test
    void aRotationRunWritesEveryStoredSecretUnderTheCurrentKey_SoTheOldKeyCanLeaveTheRing() {
        Consent consent = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        Flow awaiting = db().adapter().flows().save(awaitingFlow(ALICE, T0));
        Flow stored = db().adapter().flows().save(plainIncomeReportFlow(BOB, T0));
        Flow holding = db().adapter().flows().save(stored.awaitingUser().orElseThrow().holdCode(
                new AuthorizationCode("held-code"), new ConfirmationCode("confirmation-code"), T0.plusSeconds(10), POLICY));
        ConsentId withData = ConsentId.random();
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 2 * KeyRotation.BATCH + 3; i++) { // three batches, across both accounts
            transactions.add(richTransaction(i % 2 == 0 ? "giro" : "spar", "t-" + i, DAY.minusDays(i % 300)));
        }
        store().store(withData, new SyncRun(List.of(richAccount("giro"), richAccount("spar")), transactions, Optional.empty(),
                Optional.of(richIncomeReport()), T0, Optional.empty()));
        String newKey = TestKeys.newKeyBase64();
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                TestKeys.ringRotatedTo("2026_11", newKey));

        KeyRotation.Result result = rotated.keyRotation().run(() -> true);

        assertThat(result.stopped()).isFalse();
        assertThat(result.unreadableTotal()).isZero();
        assertThat(result.reEncrypted()).containsEntry("stored_transactions.payload_enc", (long) transactions.size())
                .containsEntry("stored_accounts.payload_enc", 2L).containsEntry("consent_data.income_report_enc", 1L)
                .containsEntry("consents.access_token_enc", 1L).containsEntry("consents.refresh_token_enc", 1L)
                .containsEntry("flows.code_enc", 1L).containsEntry("flows.confirmation_enc", 1L);
        assertThat(encryptedValues()).hasSize((int) result.reEncryptedTotal()).allSatisfy(value -> assertThat(value)
                .startsWith("v1.2026_11."));
        PersistenceAdapter newKeyOnly = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("2026_11", "2026_11:" + newKey));
        assertThat(newKeyOnly.consents().findById(consent.id()).orElseThrow().snapshot()).isEqualTo(consent.snapshot());
        assertThat(newKeyOnly.flows().findByState(awaiting.state()).orElseThrow().snapshot()).isEqualTo(awaiting.snapshot());
        assertThat(newKeyOnly.flows().findById(holding.id()).orElseThrow().snapshot()).isEqualTo(holding.snapshot());
        assertThat(newKeyOnly.accountData().accounts(withData)).containsExactlyInAnyOrder(richAccount("giro"), richAccount("spar"));
        assertThat(newKeyOnly.accountData().incomeReport(withData)).contains(richIncomeReport());
        assertThat(newKeyOnly.accountData().transactions(withData, new TransactionSlice(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 2_000))).containsExactlyInAnyOrderElementsOf(transactions);
        assertThat(rotated.keyRotation().run(() -> true).reEncryptedTotal()).as("a second run finds nothing").isZero();
    }

    @Test
    void aSyncThatRewritesARowBetweenTheRunsReadAndItsWriteKeepsWhatItWrote() {
        ConsentId consent = ConsentId.random();
        store().store(consent, new SyncRun(List.of(richAccount("giro")), List.of(), Optional.empty(), Optional.empty(), T0,
                Optional.empty()));
        String newKey = TestKeys.newKeyBase64();
        KeyRing rotatedRing = TestKeys.ringRotatedTo("test-2", newKey);
        Account renamed = new Account("giro", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("Renamed by the sync that came between"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        PersistenceAdapter syncing = PersistenceAdapter.create(db().database().dataSource(), rotatedRing);
        InterleavingDataSource interleaving = new InterleavingDataSource(db().database().dataSource(),
                "UPDATE stored_accounts SET payload_enc", () -> syncing.accountData().store(consent, new SyncRun(
                List.of(renamed), List.of(), Optional.empty(), Optional.empty(), T0.plusSeconds(60), Optional.empty())));
        PersistenceAdapter rotated = PersistenceAdapter.create(interleaving, rotatedRing);

        KeyRotation.Result result = rotated.keyRotation().run(() -> true);

        assertThat(interleaving.interleaved()).as("the sync came between the read and the write").isTrue();
        assertThat(result.reEncrypted()).containsEntry("stored_accounts.payload_enc", 0L);
        PersistenceAdapter newKeyOnly = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("test-2", "test-2:" + newKey));
        assertThat(newKeyOnly.accountData().accounts(consent)).as("the sync's account, not the old one re-encrypted")
                .containsExactly(renamed);
    }

    @Test
    void aValueThatDoesNotDecryptIsCountedAndLeft_AndAStoppedRunSaysSo() {
        Consent readable = db().adapter().consents().save(ongoingConsent(ALICE, T0));
        PersistenceAdapter elsewhere = PersistenceAdapter.create(db().database().dataSource(),
                KeyRing.fromConfiguration("gone", "gone:" + TestKeys.newKeyBase64()));
        Consent underALostKey = elsewhere.consents().save(ongoingConsent(BOB, T0));
        String lost = (String) rawRow("consents", underALostKey.id().value()).get("access_token_enc");
        PersistenceAdapter rotated = PersistenceAdapter.create(db().database().dataSource(),
                TestKeys.ringRotatedTo("test-2", TestKeys.newKeyBase64()));

        assertThat(rotated.keyRotation().mayHaveWork()).isTrue();
        assertThat(db().adapter().keyRotation().mayHaveWork()).as("a ring of one key").isFalse();
        assertThat(rotated.keyRotation().run(() -> false).stopped()).isTrue();
        KeyRotation.Result result = rotated.keyRotation().run(() -> true);

        assertThat(result.unreadable()).containsEntry("consents.access_token_enc", 1L)
                .containsEntry("consents.refresh_token_enc", 1L);
        assertThat(result.reEncrypted()).containsEntry("consents.access_token_enc", 1L);
        assertThat(rawRow("consents", underALostKey.id().value()).get("access_token_enc")).isEqualTo(lost);
        assertThat((String) rawRow("consents", readable.id().value()).get("access_token_enc")).startsWith("v1.test-2.");
        assertThat(result.toString()).doesNotContain(readable.tokens().accessToken().reveal());
    }

    private static TransactionSlice page() {
        return new TransactionSlice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }

    private static Transaction withCanary(Transaction t, String canary) {
        return new Transaction(t.id(), t.accountId(), t.amount(), t.bookingDate(), t.valueDate(), t.booked(),
                Optional.of("Counterparty " + canary), t.counterpartyIban(), t.counterpartyBic(), Optional.of("Purpose " + canary),
                Optional.of(canary), t.type(), List.of(canary), t.endToEndReference(), t.mandateReference(), t.creditorId());
    }

    /** Copies the payload of the row whose {@code column} is {@code from} into the row whose column is {@code to}. */
    private void copyCell(String table, String column, Object from, Object to) {
        raw().useHandle(h -> h.createUpdate("UPDATE " + table + " SET payload_enc = (SELECT payload_enc FROM " + table
                        + " s WHERE s." + column + " = :from) WHERE " + column + " = :to")
                .bind("from", from).bind("to", to).execute());
    }

    /** Every cell of every row of the tables as text; binary cells read both as UTF-16 (the ids) and as UTF-8. */
    private List<String> allCellsOf(List<String> tables) {
        List<String> cells = new ArrayList<>();
        for (String table : tables) {
            raw().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> row.values().forEach(value -> {
                if (value instanceof byte[] bytes) {
                    cells.add(new String(bytes, StandardCharsets.UTF_16BE));
                    cells.add(new String(bytes, StandardCharsets.UTF_8));
                } else {
                    cells.add(String.valueOf(value));
                }
            })));
        }
        return cells;
    }
}
