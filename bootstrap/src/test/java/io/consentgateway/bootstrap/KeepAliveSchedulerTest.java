package io.consentgateway.bootstrap;

import io.consentgateway.application.port.in.DeliverWebhooks;
import io.consentgateway.application.port.in.GatewayUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the background runs tell an operator when they fail (the database going and coming back once each, never a
 * secret), and how the retention of finished webhook events works through a backlog: a batch at a time.
 */
class KeepAliveSchedulerTest {
    private final Logger log = Logger.getLogger(KeepAliveScheduler.class.getName());
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

    /** What the dispatcher throws on its next tick; none: the tick succeeds. */
    private RuntimeException nextFailure;
    /** What the retention's calls answer in turn (a number deleted, or a failure); then 0. */
    private final List<Object> retention = new ArrayList<>();
    private final List<Integer> retentionLimits = new ArrayList<>();
    private final KeepAliveScheduler scheduler = new KeepAliveScheduler();

    @BeforeEach
    void wire() {
        log.addHandler(capture);
        scheduler.deliverWebhooks = new DeliverWebhooks() {
            @Override
            public int deliverDue() {
                if (nextFailure != null) {
                    throw nextFailure;
                }
                return 0;
            }

            @Override
            public int deleteFinished(int limit) {
                retentionLimits.add(limit);
                Object next = retention.isEmpty() ? 0 : retention.remove(0);
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                return (Integer) next;
            }
        };
    }

    @AfterEach
    void unwire() {
        log.removeHandler(capture);
    }

    /** One dispatcher tick per failure given; {@code null} is a tick that succeeds. */
    private void ticks(RuntimeException... failures) {
        for (RuntimeException failure : failures) {
            nextFailure = failure;
            scheduler.deliverWebhooks();
        }
    }

    private static GatewayUnavailable databaseAway() {
        return new GatewayUnavailable("the gateway's database is out of reach", Duration.ofSeconds(5));
    }

    @Test
    void theDatabaseOutOfReachIsSaidOnceWhenItGoesAndOnceWhenItIsBackNotEveryTick() {
        ticks(databaseAway(), databaseAway(), databaseAway(), null, null, databaseAway());

        assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage).containsExactly(
                tuple(Level.WARNING,
                        "Webhook dispatch skipped: the database is out of reach; background runs skip until it is back"),
                tuple(Level.INFO, "The database is back; background runs go on"),
                tuple(Level.WARNING,
                        "Webhook dispatch skipped: the database is out of reach; background runs skip until it is back"));
        assertThat(records).allSatisfy(record -> assertThat(record.getThrown()).isNull());
    }

    @Test
    void anyOtherFailureIsLoggedWithItsStackTraceButNoSecretItsMessageQuoted() {
        ticks(new IllegalStateException("refresh failed: refresh_token=rt-s3cr3t"));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).isEqualTo("Webhook dispatch failed: IllegalStateException");
            assertThat(record.getThrown()).hasMessage("java.lang.IllegalStateException: refresh failed: refresh_token=***");
            assertThat(record.getThrown().getStackTrace()).isNotEmpty();
        });
    }

    @Test
    void finishedEventsAreDeletedABatchAtATimeUntilABatchIsNotFull() {
        retention.addAll(List.of(100, 100, 40, 100));

        scheduler.deleteFinishedEvents(100);

        assertThat(retentionLimits).containsExactly(100, 100, 100);
        assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage).containsExactly(
                tuple(Level.INFO, "Webhooks: 240 finished event(s) past cg.webhooks.keep-finished deleted"));
    }

    @Test
    void aFailedBatchEndsTheRunAndWhatWasDeletedBeforeIsStillSaid() {
        retention.addAll(List.of(100, new IllegalStateException("disk full")));

        scheduler.deleteFinishedEvents(100);

        assertThat(retentionLimits).hasSize(2);
        assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage).containsExactly(
                tuple(Level.WARNING, "Deleting finished webhook events failed: IllegalStateException"),
                tuple(Level.INFO, "Webhooks: 100 finished event(s) past cg.webhooks.keep-finished deleted"));
    }
}
