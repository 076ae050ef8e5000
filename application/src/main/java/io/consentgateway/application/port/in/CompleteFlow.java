package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.UserId;

/**
 * Use case: after the provider's callback, a flow completed by confirmation is confirmed by the user who started it,
 * presenting the confirmation code the callback handed to the browser that came back; only then is the held code
 * exchanged for the consent. The user's credentials and the code together prove that the user who asked for the
 * access and the browser that granted it belong together — the callback alone does not.
 */
public interface CompleteFlow {

    /**
     * Exchanges the held code and answers the flow as it then is ({@code COMPLETED} with its consent, or how it
     * failed). A flow that is exchanging or has ended already is answered as it is (a repeated confirmation is
     * harmless). The confirmation code presented by another user than the one who started the flow ends the flow
     * ({@code FAILED}, {@code CONFIRMED_BY_ANOTHER_USER}) without exchanging its code, and answers {@link NotFound}.
     *
     * @throws NotFound                      for a missing flow or another user's
     * @throws FlowNotAwaitingConfirmation   while the flow still waits for the user at the provider, or completes
     *                                       without confirmation
     * @throws InvalidInput                  ({@code confirmation}) for a confirmation code that is not the flow's
     */
    FlowView complete(UserId userId, FlowId flowId, ConfirmationCode confirmation);
}
