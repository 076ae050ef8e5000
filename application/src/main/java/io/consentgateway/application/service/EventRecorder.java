package io.consentgateway.application.service;

import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.EventType;
import io.consentgateway.application.port.out.GatewayEvent;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns what happened to a flow, a consent or its data into events in the {@link EventOutbox}. Called inside the
 * transaction that stores the change ({@link RecordingConsents}, {@link RecordingFlows}, {@link AccountDataSync}), so
 * the change and its events are stored together or not at all. Records nothing while no endpoint is configured.
 */
public final class EventRecorder {
    private final EventOutbox outbox;
    private final WebhookSettings settings;
    private final Clock clock;

    public EventRecorder(EventOutbox outbox, WebhookSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The consent's changes since it was last stored ({@link Consent#changesSinceStored()}), one event each. */
    void consentStored(Consent consent) {
        if (!settings.enabled()) {
            return;
        }
        Instant at = clock.instant();
        consent.changesSinceStored().forEach(change -> record(new GatewayEvent(UUID.randomUUID(), EventType.of(change), at,
                consent.userId(), consent.provider(), Optional.of(consent.id()), Optional.empty(), consent.status().name(),
                consent.reauthorizationReason().map(Enum::name))));
    }

    /** A flow that ended: completed, or failed, cancelled or expired (a flow ends once; its end is stored once). */
    void flowStored(Flow flow) {
        if (!settings.enabled() || !flow.isTerminal()) {
            return;
        }
        EventType type = flow.status() == FlowStatus.COMPLETED ? EventType.FLOW_COMPLETED : EventType.FLOW_FAILED;
        record(new GatewayEvent(UUID.randomUUID(), type, clock.instant(), flow.userId(), flow.provider(), flow.consentId(),
                Optional.of(flow.id()), flow.status().name(), flow.failure().map(Enum::name)));
    }

    /** A sync stored the consent's data. */
    void dataSynced(Consent consent, Instant syncedAt) {
        if (!settings.enabled()) {
            return;
        }
        record(new GatewayEvent(UUID.randomUUID(), EventType.DATA_SYNCED, syncedAt, consent.userId(), consent.provider(),
                Optional.of(consent.id()), Optional.empty(), consent.status().name(), Optional.empty()));
    }

    private void record(GatewayEvent event) {
        outbox.record(event, settings.endpoints());
    }
}
