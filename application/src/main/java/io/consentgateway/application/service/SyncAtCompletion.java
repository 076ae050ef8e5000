package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The first sync of a consent, right after its flow completed (by the callback or by confirmation): for a one-time or
 * income-report consent this is the snapshot that must be taken within the provider's hour. It runs on the executor,
 * so the user's browser is redirected without waiting for the data; if it fails, the first read syncs instead.
 */
public final class SyncAtCompletion implements HandleCallback, CompleteFlow {
    private static final System.Logger LOG = System.getLogger(SyncAtCompletion.class.getName());

    private final HandleCallback callbacks;
    private final CompleteFlow confirmations;
    private final Consents consents;
    private final AccountDataSync sync;
    private final Executor executor;

    public SyncAtCompletion(HandleCallback callbacks, CompleteFlow confirmations, Consents consents, AccountDataSync sync,
                            Executor executor) {
        this.callbacks = callbacks;
        this.confirmations = confirmations;
        this.consents = consents;
        this.sync = sync;
        this.executor = executor;
    }

    @Override
    public CallbackOutcome handle(CallbackCommand command) {
        CallbackOutcome outcome = callbacks.handle(command);
        if (outcome.outcome() == CallbackOutcome.Outcome.COMPLETED) {
            syncLater(outcome.consentId());
        }
        return outcome;
    }

    @Override
    public FlowView complete(UserId userId, FlowId flowId, ConfirmationCode confirmation) {
        FlowView flow = confirmations.complete(userId, flowId, confirmation);
        if (flow.status() == FlowStatus.COMPLETED) {
            syncLater(flow.consentId());
        }
        return flow;
    }

    private void syncLater(Optional<ConsentId> completed) {
        completed.ifPresent(id -> {
            try {
                executor.execute(() -> syncNow(id));
            } catch (RejectedExecutionException busy) {
                LOG.log(System.Logger.Level.WARNING, "the first sync of a consent could not be queued; its first read syncs");
            }
        });
    }

    private void syncNow(ConsentId id) {
        try {
            consents.findById(id).ifPresent(consent ->
                    sync.sync(consent, AccountDataSync.Trigger.COMPLETION, consent.grantedAt()));
        } catch (RuntimeException e) {
            // Never the exception's message: it may come from a provider. The first read syncs instead.
            LOG.log(System.Logger.Level.WARNING, () -> "the first sync of consent " + id + " failed ("
                    + e.getClass().getSimpleName() + "); its first read syncs instead");
        }
    }
}
