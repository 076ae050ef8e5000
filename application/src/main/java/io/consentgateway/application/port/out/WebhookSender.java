package io.consentgateway.application.port.out;

import java.time.Instant;
import java.util.List;

/** Sends one delivery of an event to its endpoint, once (the webhook adapter: signed HTTP POST). */
public interface WebhookSender {

    /** A gateway deployed without a webhook adapter: no endpoint, so no event is recorded or sent. */
    WebhookSender NONE = new WebhookSender() {
        @Override
        public List<String> endpoints() {
            return List.of();
        }

        @Override
        public Attempt send(String endpoint, GatewayEvent event, Instant at) {
            return Attempt.notTaken("no webhook adapter is installed");
        }
    };

    /** The names of the endpoints this sender delivers to, as configured; every event goes to each. */
    List<String> endpoints();

    /**
     * Sends the event to the endpoint, as sent at {@code at}. Never throws for what the receiver does: a refusal, a
     * redirect, a time-out or an unreachable host is an answer that was not taken, with its reason.
     */
    Attempt send(String endpoint, GatewayEvent event, Instant at);

    /**
     * How the attempt went.
     *
     * @param taken  the receiver answered 2xx
     * @param detail the status code or the transport failure, for the operator (never the receiver's body)
     */
    record Attempt(boolean taken, String detail) {
        public static Attempt taken(int status) {
            return new Attempt(true, "HTTP " + status);
        }

        public static Attempt notTaken(String detail) {
            return new Attempt(false, detail);
        }
    }
}
