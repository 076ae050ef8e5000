package io.consentgateway.bootstrap.metrics;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.TryAgainLater;

/** Counts callbacks by outcome: completed, cancelled, failed, expired flows, and refused callbacks (INVALID). */
public final class MeteredHandleCallback implements HandleCallback {
    private final HandleCallback handleCallback;
    private final GatewayMetrics metrics;

    public MeteredHandleCallback(HandleCallback handleCallback, GatewayMetrics metrics) {
        this.handleCallback = handleCallback;
        this.metrics = metrics;
    }

    @Override
    public CallbackOutcome handle(CallbackCommand command) {
        try {
            CallbackOutcome outcome = handleCallback.handle(command);
            metrics.callbackHandled(outcome.outcome().name());
            return outcome;
        } catch (InvalidCallback refused) {
            metrics.callbackHandled("INVALID");
            throw refused;
        } catch (TryAgainLater later) {
            metrics.callbackHandled("TRY_AGAIN_LATER");
            throw later;
        }
    }
}
