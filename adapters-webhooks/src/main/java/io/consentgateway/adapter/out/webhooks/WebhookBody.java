package io.consentgateway.adapter.out.webhooks;

import io.consentgateway.application.port.out.GatewayEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.util.UUID;

/**
 * The JSON body of an event, in the Standard Webhooks shape {@code {"type", "timestamp", "data"}}. Built from the event
 * alone, so every attempt sends the same bytes: a retry is the same message. No token, code, account number or
 * transaction is in an event, so none can be in a body.
 */
final class WebhookBody {
    private WebhookBody() {
    }

    static String of(GatewayEvent event) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("eventId", event.id().toString())
                .add("userId", event.userId().value())
                .add("provider", event.provider().value());
        event.consentId().ifPresent(id -> data.add("consentId", id.value().toString()));
        event.flowId().ifPresent(id -> data.add("flowId", id.value().toString()));
        data.add("status", event.status());
        event.reason().ifPresent(reason -> data.add("reason", reason));
        return Json.createObjectBuilder()
                .add("type", event.type().wireName())
                .add("timestamp", event.occurredAt().toString())
                .add("data", data)
                .build()
                .toString();
    }

    /** The {@code webhook-id}: the event's id, the same on every attempt and to every endpoint. */
    static String id(GatewayEvent event) {
        UUID id = event.id();
        return "evt_" + id;
    }
}
