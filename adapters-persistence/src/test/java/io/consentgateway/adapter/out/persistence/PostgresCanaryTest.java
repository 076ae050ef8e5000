package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.CanaryTraces;
import io.consentgateway.adapter.out.persistence.testing.PostgresServer;
import io.consentgateway.adapter.out.persistence.testing.TestDatabase;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.contract.PortFixtures;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowRequest;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.CALLBACK;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.newState;
import static io.consentgateway.application.port.out.contract.PortFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stores known canary secrets (tokens, flow secrets, and account data: a transaction's purpose and counterparty, an
 * account's owner, an income stream), dumps the database the way a backup would ({@code pg_dump}), and looks for them.
 * Where no {@code pg_dump} can be run, every row of every table is dumped as text through SQL instead (and the
 * test says so). Never skipped.
 */
class PostgresCanaryTest {
    private static final String CANARY = "CANARY-" + UUID.randomUUID();
    private static final String ACCESS = CANARY + "-access-token";
    private static final String REFRESH = CANARY + "-refresh-token";
    private static final String VERIFIER = CANARY + "-pkce-verifier";
    private static final String HELD_CODE = CANARY + "-held-code";
    private static final String CONFIRMATION = CANARY + "-confirmation-code";
    private static final String PURPOSE = CANARY + "-purpose";
    private static final String COUNTERPARTY = CANARY + "-counterparty";
    private static final String OWNER = CANARY + "-account-owner";
    private static final String INCOME_STREAM = CANARY + "-income-stream";

    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void databaseDumpHoldsNoTraceOfAnyStoredSecret() throws Exception {
        Stored stored = storeCanaries();

        assertNoTrace(dump(), stored);
    }

    /** The fallback dump is exercised too, so it is known to work where pg_dump is missing. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rowByRowTextDumpHoldsNoTraceOfAnyStoredSecretEither() {
        Stored stored = storeCanaries();

        assertNoTrace(sqlDump((TestDatabase.Postgres) db.database()), stored);
    }

    private record Stored(Consent consent, Flow flow, ConsentId withData) {
    }

    private static Stored storeCanaries() {
        Consent consent = db.adapter().consents().save(Consent.grant(ConsentId.random(), ALICE, PortFixtures.AGGREGATOR,
                ConsentKind.ONGOING_ACCESS, Optional.empty(), tokens(ACCESS, REFRESH), T0, POLICY));
        FlowRequest asked = FlowRequest.of(ALICE, PortFixtures.BANK, FlowKind.ONGOING_ACCESS,
                FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Optional.empty(), FlowCompletion.CONFIRM);
        Flow.Handshake handshake = new Flow.Handshake(newState(), CALLBACK, Optional.empty(),
                URI.create("https://bank.example/authorize"));
        Flow started = db.adapter().flows().save(Flow.start(FlowId.random(), asked, handshake,
                Optional.of(new PkceVerifier(VERIFIER)), T0, POLICY));
        Flow flow = db.adapter().flows().save(started.awaitingUser().orElseThrow().holdCode(new AuthorizationCode(HELD_CODE),
                new ConfirmationCode(CONFIRMATION), T0.plusSeconds(5), POLICY));
        ConsentId withData = ConsentId.random();
        Transaction transaction = new Transaction("t-1", "giro", Money.of("-42.00", "EUR"), Optional.of(LocalDate.of(2026, 2, 10)),
                Optional.empty(), true, Optional.of(COUNTERPARTY), Optional.empty(), Optional.empty(), Optional.of(PURPOSE),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        Account account = new Account("giro", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(OWNER), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        IncomeReport.Figures none = IncomeReport.Figures.empty();
        IncomeReport report = new IncomeReport(Optional.empty(), Optional.empty(), Optional.empty(), none,
                List.of(new IncomeReport.Stream(INCOME_STREAM, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())), none, List.of(), none, none, Optional.empty(), none);
        db.adapter().accountData().store(withData, new SyncRun(List.of(account), List.of(transaction), Optional.empty(),
                Optional.of(report), T0, Optional.empty()));
        return new Stored(consent, flow, withData);
    }

    private static void assertNoTrace(String dump, Stored stored) {
        assertThat(dump).as("the dump holds the rows")
                .contains(stored.consent().id().toString(), stored.flow().id().toString(), stored.withData().toString(),
                        "v1.test-1.");
        assertThat(dump).as("no part of a canary, in clear or encoded, at any alignment")
                .doesNotContain(CanaryTraces.of(CANARY));
        List<String> secrets = List.of(CANARY, ACCESS, REFRESH, VERIFIER, HELD_CODE, CONFIRMATION, stored.flow().state().value(),
                PURPOSE, COUNTERPARTY, OWNER, INCOME_STREAM);
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(dump).doesNotContain(secret,
                    Base64.getEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                    Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String dump() throws IOException, InterruptedException {
        TestDatabase.Postgres database = (TestDatabase.Postgres) db.database();
        Optional<Path> pgDump = findPgDump();
        if (pgDump.isPresent()) {
            Optional<String> dump = runPgDump(pgDump.get(), database);
            if (dump.isPresent()) {
                return dump.get();
            }
        } else {
            System.out.println("[canary] pg_dump not found on PATH or in /usr/lib/postgresql/*/bin");
        }
        System.out.println("[canary] FALLBACK: dumping every row of every table as text through SQL instead of pg_dump");
        return sqlDump(database);
    }

    private static Optional<String> runPgDump(Path pgDump, TestDatabase.Postgres database)
            throws IOException, InterruptedException {
        PostgresServer.Coordinates server = database.server();
        Path out = Files.createTempFile("cg-canary", ".sql");
        try {
            ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--dbname=" + server.libpqUri(),
                    "--username=" + server.user(), "--schema=" + database.schema(), "--no-owner", "--no-password",
                    "--file=" + out)
                    .redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", server.password());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(45, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("[canary] " + pgDump + " failed (" + output.strip() + ")");
                return Optional.empty();
            }
            String dump = Files.readString(out, StandardCharsets.UTF_8);
            System.out.printf("[canary] %s dumped schema %s: %,d characters%n", pgDump, database.schema(), dump.length());
            return Optional.of(dump);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Optional<Path> findPgDump() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "pg_dump"));
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pg_dump")));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Every table of the schema, every row, every column as text. */
    private static String sqlDump(TestDatabase.Postgres database) {
        Jdbi jdbi = Jdbi.create(database.dataSource());
        return jdbi.withHandle(h -> {
            StringBuilder dump = new StringBuilder();
            for (String table : h.createQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() ORDER BY table_name").mapTo(String.class).list()) {
                dump.append("-- ").append(table).append('\n');
                h.createQuery("SELECT t::text FROM " + table + " t").mapTo(String.class).forEach(row -> dump.append(row).append('\n'));
            }
            return dump.toString();
        });
    }
}
