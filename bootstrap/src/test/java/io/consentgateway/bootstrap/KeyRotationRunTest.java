package io.consentgateway.bootstrap;

import io.consentgateway.adapter.out.persistence.DatabaseMigrations;
import io.consentgateway.adapter.out.persistence.PersistenceAdapter;
import io.consentgateway.adapter.out.persistence.crypto.KeyRing;
import io.consentgateway.domain.shared.ConsentId;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background run of a key rotation, on H2 as the demo runs it: started only when the ring holds older keys, ten
 * seconds after the start; what it tells the operator; a run the database interrupts is tried again a minute later;
 * a stopping server ends it. The scheduler is a stand-in that records what is scheduled, and the test runs it.
 */
class KeyRotationRunTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String oldKey = newKey();
    private final String newKey = newKey();
    private final KeyRing oldRing = KeyRing.fromConfiguration("old", "old:" + oldKey);
    private final KeyRing rotatedRing = KeyRing.fromConfiguration("new", "old:" + oldKey + ",new:" + newKey);
    private final KeyRing newRing = KeyRing.fromConfiguration("new", "new:" + newKey);

    private final JdbcDataSource h2 = new JdbcDataSource();
    /** While set, every new connection fails: the database is out of reach. */
    private volatile boolean databaseAway;
    private final DataSource dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                if (method.getName().equals("getConnection") && databaseAway) {
                    throw new SQLException("Connection refused", "08001");
                }
                try {
                    return method.invoke(h2, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    private record Scheduled(Runnable task, long delayMillis) {
    }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final ManagedScheduledExecutorService executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                if (method.getName().equals("schedule") && args[0] instanceof Runnable task) {
                    scheduled.add(new Scheduled(task, ((TimeUnit) args[2]).toMillis((Long) args[1])));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final Logger log = Logger.getLogger(KeyRotationRun.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void database() {
        h2.setURL("jdbc:h2:mem:rotation-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        DatabaseMigrations.migrate(h2);
        log.addHandler(capture);
    }

    @AfterEach
    void unwire() {
        log.removeHandler(capture);
    }

    private KeyRotationRun runWith(KeyRing ring) {
        KeyRotationRun run = new KeyRotationRun();
        run.executor = executor;
        run.persistence = PersistenceAdapter.create(dataSource, ring);
        return run;
    }

    private ConsentId consentUnderTheOldKey() {
        return PersistenceAdapter.create(h2, oldRing).consents().save(ongoingConsent(ALICE, T0)).id();
    }

    /** Runs what is scheduled, once each, in order; answers what that scheduled in turn. */
    private List<Scheduled> runScheduled() {
        List<Scheduled> due = List.copyOf(scheduled);
        scheduled.clear();
        due.forEach(s -> s.task().run());
        return List.copyOf(scheduled);
    }

    private List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Test
    void aRingOfOneKeyStartsNothing() {
        consentUnderTheOldKey();

        runWith(oldRing).onStart(null);

        assertThat(scheduled).isEmpty();
        assertThat(records).isEmpty();
    }

    @Test
    void anOlderKeyInTheRingStartsARunTenSecondsAfterTheStartThatMovesEverythingToTheCurrentKey() {
        ConsentId consent = consentUnderTheOldKey();

        runWith(rotatedRing).onStart(null);

        assertThat(scheduled).extracting(Scheduled::delayMillis).containsExactly(10_000L);
        assertThat(messages()).singleElement().asString().contains("written again under key 'new'", "starting in 10 s");
        assertThat(runScheduled()).isEmpty();
        assertThat(records).last().satisfies(done -> {
            assertThat(done.getLevel()).isEqualTo(Level.INFO);
            assertThat(done.getMessage()).startsWith("Key rotation done: 2 value(s) re-encrypted")
                    .contains("consents.access_token_enc=1", "consents.refresh_token_enc=1", "0 unreadable",
                            "Every stored secret is under key 'new'")
                    .doesNotContain(oldKey, newKey);
        });
        assertThat(PersistenceAdapter.create(h2, newRing).consents().findById(consent)).as("read with the new key alone")
                .isPresent();
    }

    @Test
    void aRunTheDatabaseInterruptsIsTriedAgainAMinuteLater() {
        ConsentId consent = consentUnderTheOldKey();
        KeyRotationRun run = runWith(rotatedRing);
        run.onStart(null);
        databaseAway = true;

        List<Scheduled> again = runScheduled();

        assertThat(again).extracting(Scheduled::delayMillis).containsExactly(60_000L);
        assertThat(records).last().satisfies(warning -> {
            assertThat(warning.getLevel()).isEqualTo(Level.WARNING);
            assertThat(warning.getMessage()).startsWith("Key rotation interrupted (").endsWith("); trying again in 60 s");
        });
        databaseAway = false;
        assertThat(runScheduled()).isEmpty();
        assertThat(messages()).last().asString().startsWith("Key rotation done: 2 value(s) re-encrypted");
        assertThat(PersistenceAdapter.create(h2, newRing).consents().findById(consent)).isPresent();
    }

    @Test
    void aStoppingServerEndsTheRunAndNothingIsScheduledAgain() {
        consentUnderTheOldKey();
        KeyRotationRun run = runWith(rotatedRing);
        run.onStart(null);
        run.stop();

        assertThat(runScheduled()).isEmpty();

        assertThat(messages()).last().asString().startsWith("Key rotation stopped with the server: ")
                .endsWith("; the next start goes on");
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
