package io.consentgateway.bootstrap;

import io.consentgateway.adapter.kit.LoggedFailure;
import io.consentgateway.adapter.out.persistence.KeyRotation;
import io.consentgateway.adapter.out.persistence.PersistenceAdapter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes a key rotation in the background: when {@code cg.crypto.keys} holds more keys than the current one, every
 * stored secret still under another key is written again under the current key ({@link KeyRotation}), once per start,
 * a batch at a time, beside the normal work. The log says when it is done and how many values it moved; then the old
 * key can leave the ring (docs/operations/database.md). A run the database interrupts is tried again a minute later;
 * a stopping server ends it between two batches, and the next start goes on.
 */
@ApplicationScoped
public class KeyRotationRun {
    private static final Logger LOG = Logger.getLogger(KeyRotationRun.class.getName());
    /** After the start's own work, so the first requests and the first scheduler tick do not queue behind it. */
    static final Duration FIRST_RUN_AFTER = Duration.ofSeconds(10);
    static final Duration AGAIN_AFTER = Duration.ofMinutes(1);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    PersistenceAdapter persistence;

    private volatile boolean stopping;

    void onStart(@Observes Startup startup) {
        KeyRotation rotation = persistence.keyRotation();
        if (rotation.mayHaveWork()) {
            LOG.info(() -> "cg.crypto.keys holds older keys: every stored secret still under one of them is written again "
                    + "under key '" + rotation.currentKeyId() + "', in the background, starting in "
                    + FIRST_RUN_AFTER.toSeconds() + " s");
            schedule(rotation, FIRST_RUN_AFTER);
        }
    }

    private void schedule(KeyRotation rotation, Duration delay) {
        executor.schedule(() -> run(rotation), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void run(KeyRotation rotation) {
        KeyRotation.Result result;
        try {
            result = rotation.run(() -> !stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Key rotation interrupted (" + e.getClass().getSimpleName() + "); trying again in "
                    + AGAIN_AFTER.toSeconds() + " s", LoggedFailure.of(e));
            if (!stopping) {
                schedule(rotation, AGAIN_AFTER);
            }
            return;
        }
        if (result.stopped()) {
            LOG.info(() -> "Key rotation stopped with the server: " + result + "; the next start goes on");
        } else if (result.unreadableTotal() > 0) {
            LOG.warning(() -> "Key rotation done: " + result + ". The unreadable values are under a key no longer in "
                    + "cg.crypto.keys or were altered; their rows stay unreadable (see docs/operations/database.md)");
        } else {
            LOG.info(() -> "Key rotation done: " + result + ". Every stored secret is under key '"
                    + rotation.currentKeyId() + "'; once every node writes with it, the other keys can leave cg.crypto.keys");
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
