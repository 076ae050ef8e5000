package io.consentgateway.it;

import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completion by confirmation (RFC 9700 §4.7.1), end to end against the sandbox: the callback holds the code, and only
 * the user who started the flow, presenting the confirmation code handed to the browser that came back, completes it.
 */
class CallbackConfirmationIT {
    private static final String CONFIRMED_ONGOING = "{\"kind\":\"ONGOING_ACCESS\",\"language\":\"en\",\"completion\":\"CONFIRM\"}";

    @Test
    void theCallbackHoldsTheCodeAndTheStartingUsersConfirmationCompletesTheFlow() {
        Journey alice = Journey.newUser("confirming");
        Journey.Flow flow = alice.startWith(CONFIRMED_ONGOING);
        Sandbox.Stats before = Sandbox.stats();

        Journey.Callback callback = Journey.callback(Journey.approve(flow.widgetUrl()));

        assertThat(callback.outcome()).as(callback.response().describe()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(callback.confirmation()).as(callback.response().describe()).isNotBlank();
        assertThat(alice.flowStatus(flow.id())).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("no exchange before the confirmation").isZero();
        alice.confirm(flow.id(), null).expectProblem(400, "invalid-input");
        assertThat(alice.flowStatus(flow.id())).as("a bad confirmation changes nothing").isEqualTo("AWAITING_CONFIRMATION");

        JsonObject completed = alice.confirm(flow.id(), callback.confirmation()).expect(200).json();

        assertThat(completed.getString("status")).isEqualTo("COMPLETED");
        String consentId = completed.getString("consentId");
        assertThat(alice.consent(consentId).getString("status")).isEqualTo("ACTIVE");
        assertThat(alice.accounts(consentId).status()).isEqualTo(200);
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("exchanged once").isEqualTo(1);
        assertThat(alice.confirm(flow.id(), callback.confirmation()).expect(200).json().getString("consentId"))
                .as("a repeated confirmation answers the same").isEqualTo(consentId);
    }

    @Test
    void aWidgetLinkSentToAVictimDeliversNothingToTheAttacker() {
        Journey attacker = Journey.newUser("attacker");
        Journey victim = Journey.newUser("victim");
        Journey.Flow attackersFlow = attacker.startWith(CONFIRMED_ONGOING);

        // The victim opens the attacker's widget link, approves at the bank, and comes back to the front end, signed in
        // as themself: their front end confirms with their own token.
        Journey.Callback inVictimsBrowser = Journey.callback(Journey.approve(attackersFlow.widgetUrl()));
        assertThat(inVictimsBrowser.outcome()).isEqualTo("CONFIRMATION_REQUIRED");
        victim.confirm(attackersFlow.id(), inVictimsBrowser.confirmation()).expectProblem(404, "not-found");

        JsonObject attackersView = attacker.flow(attackersFlow.id());
        assertThat(attackersView.getString("status")).isEqualTo("FAILED");
        assertThat(attackersView.getString("failure")).isEqualTo("CONFIRMED_BY_ANOTHER_USER");
        JsonObject attackersTry = attacker.confirm(attackersFlow.id(), inVictimsBrowser.confirmation()).expect(200).json();
        assertThat(attackersTry.getString("status")).as("even with the victim's confirmation code").isEqualTo("FAILED");
        assertThat(attacker.consents()).isEmpty();
        assertThat(victim.consents()).isEmpty();
    }

    @Test
    void aConfirmationBeforeTheCallbackIsAConflictAndAGuessIsRefused() {
        Journey alice = Journey.newUser("early");
        Journey.Flow flow = alice.startWith(CONFIRMED_ONGOING);

        alice.confirm(flow.id(), "too-early").expectProblem(409, "flow-not-awaiting-confirmation");

        Journey.callback(Journey.approve(flow.widgetUrl()));
        alice.confirm(flow.id(), "a-guess").expectProblem(400, "invalid-input");
        assertThat(alice.flowStatus(flow.id())).isEqualTo("AWAITING_CONFIRMATION");
    }
}
