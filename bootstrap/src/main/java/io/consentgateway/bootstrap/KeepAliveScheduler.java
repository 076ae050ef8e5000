package io.consentgateway.bootstrap;

import io.consentgateway.adapter.kit.LoggedFailure;
import io.consentgateway.application.port.in.DataMaintenanceReport;
import io.consentgateway.application.port.in.DeliverWebhooks;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.KeepAliveReport;
import io.consentgateway.application.port.in.KeepConsentsAlive;
import io.consentgateway.application.port.in.MaintainAccountData;
import io.consentgateway.application.service.WebhookSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link KeepConsentsAlive}, then {@link MaintainAccountData}, on a Jakarta Concurrency managed scheduled
 * executor. Safe on every node of a cluster: the keep-alive claims due consents with {@code FOR UPDATE SKIP LOCKED} and
 * a lease, so two nodes never work on the same consent; a data sync holds the consent's sync lease. Also the webhook
 * dispatcher's schedule. Starts after {@link DatabaseSchema} has migrated the schema and {@link Wiring} has checked the
 * configuration.
 */
@ApplicationScoped
public class KeepAliveScheduler {
    private static final Logger LOG = Logger.getLogger(KeepAliveScheduler.class.getName());

    /** Whether the last background run found the database out of reach (said once, not once a run). */
    private final AtomicBoolean databaseAway = new AtomicBoolean();

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    WebhookSettings webhookSettings;

    @Inject
    GatewayConfig settings;

    @Inject
    KeepConsentsAlive keepConsentsAlive;

    @Inject
    MaintainAccountData maintainAccountData;

    @Inject
    DeliverWebhooks deliverWebhooks;

    @Inject
    Config config;

    private ScheduledFuture<?> task;
    private ScheduledFuture<?> webhookTask;

    void onStart(@Observes Startup startup) {
        warnAboutDemoIdentityProvider();
        if (webhookSettings.enabled()) {
            Duration poll = settings.positiveDuration("cg.webhooks.poll-interval");
            webhookTask = executor.scheduleWithFixedDelay(this::deliverWebhooks, poll.toMillis(), poll.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info(() -> "Webhook dispatcher looks for due deliveries every " + poll);
        }
        if (!settings.bool("cg.scheduler.enabled")) {
            LOG.info("Keep-alive scheduler disabled (cg.scheduler.enabled=false)");
            return;
        }
        Duration initialDelay = settings.duration("cg.scheduler.initial-delay");
        Duration interval = settings.duration("cg.scheduler.interval");
        int batchSize = settings.positiveInteger("cg.scheduler.batch-size");
        task = executor.scheduleWithFixedDelay(() -> tick(batchSize), initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Keep-alive scheduler runs every " + interval + " with batches of " + batchSize);
    }

    /** One dispatcher tick: hands the due deliveries to their attempts, never waits for an answer. */
    void deliverWebhooks() {
        try {
            deliverWebhooks.deliverDue();
            databaseReached();
        } catch (RuntimeException e) {
            // The next tick tries again; claimed deliveries come due again when their lease ends.
            warn("Webhook dispatch", e);
        }
    }

    private void tick(int batchSize) {
        try {
            KeepAliveReport report;
            do {
                report = keepConsentsAlive.run(batchSize);
                databaseReached();
                KeepAliveReport done = report;
                if (done.flowsFailed() > 0) {
                    LOG.warning(() -> "Keep-alive could not lapse " + done.flowsFailed() + " flow(s); see the database log");
                }
                if (done.failed() > 0) {
                    LOG.warning(() -> "Keep-alive could not process " + done.failed() + " consent(s), retried after their lease: "
                            + done.failedIds());
                }
                if (done.claimed() > 0 || done.flowsLapsed() > 0) {
                    LOG.info(() -> "Keep-alive: " + done);
                }
            } while (report.claimed() == batchSize && report.failed() < batchSize); // a full batch: more may be due
        } catch (RuntimeException e) {
            // A failed tick must not cancel the schedule; the next one tries again.
            warn("Keep-alive run", e);
        }
        maintainData(batchSize);
        deleteFinishedEvents(batchSize);
    }

    /** A batch at a time, so a backlog (a long pause, a shorter retention) goes in bounded transactions. */
    void deleteFinishedEvents(int batchSize) {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = deliverWebhooks.deleteFinished(batchSize);
                total += deleted;
            } while (deleted == batchSize);
        } catch (RuntimeException e) {
            warn("Deleting finished webhook events", e);
        }
        if (total > 0) {
            int done = total;
            LOG.info(() -> "Webhooks: " + done + " finished event(s) past cg.webhooks.keep-finished deleted");
        }
    }

    /** Background syncs within the PSD2 budget, retention ends, deletions (docs/data-store.md). */
    private void maintainData(int batchSize) {
        try {
            DataMaintenanceReport report;
            do {
                report = maintainAccountData.run(batchSize);
                DataMaintenanceReport done = report;
                if (done.examined() > 0 || done.deleted() > 0) {
                    LOG.info(() -> "Data maintenance: " + done);
                }
            } while (report.examined() == batchSize && report.failed() < batchSize);
        } catch (RuntimeException e) {
            warn("Data maintenance run", e);
        }
    }

    /**
     * A background run that failed: the next one tries again. The database out of reach is one line when it goes and
     * one when it is back (the dispatcher runs every second; readiness says it too); anything else is logged with its
     * stack trace, cleared of secrets.
     */
    private void warn(String run, RuntimeException e) {
        if (e instanceof GatewayUnavailable) {
            if (databaseAway.compareAndSet(false, true)) {
                LOG.warning(() -> run + " skipped: the database is out of reach; background runs skip until it is back");
            }
        } else {
            LOG.log(Level.WARNING, run + " failed: " + e.getClass().getSimpleName(), LoggedFailure.of(e));
        }
    }

    private void databaseReached() {
        if (databaseAway.compareAndSet(true, false)) {
            LOG.info("The database is back; background runs go on");
        }
    }

    private void warnAboutDemoIdentityProvider() {
        String issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class).orElse("");
        if (issuer.contains("/sandbox/idp")) {
            LOG.warning("The REST API trusts the sandbox's DEMO identity provider (" + issuer + "): anybody can sign in as "
                    + "anybody. Configure your own issuer and keys (mp.jwt.verify.*) before real use.");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (webhookTask != null) {
            webhookTask.cancel(false);
        }
    }
}
