package io.consentgateway.application.port.out;

import io.consentgateway.domain.consent.ConsentChange;

import java.util.Arrays;
import java.util.Optional;

/** The events the gateway tells its fintech about (webhooks), by the name they carry on the wire. */
public enum EventType {
    FLOW_COMPLETED("flow.completed"),
    FLOW_FAILED("flow.failed"),
    CONSENT_ACTIVATED("consent.activated"),
    CONSENT_RENEWED("consent.renewed"),
    CONSENT_EXPIRING_SOON("consent.expiring_soon"),
    CONSENT_REAUTH_REQUIRED("consent.reauth_required"),
    CONSENT_EXPIRED("consent.expired"),
    CONSENT_REVOKED("consent.revoked"),
    DATA_SYNCED("data.synced");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType of(ConsentChange change) {
        return switch (change) {
            case ACTIVATED -> CONSENT_ACTIVATED;
            case RENEWED -> CONSENT_RENEWED;
            case EXPIRING_SOON -> CONSENT_EXPIRING_SOON;
            case REAUTH_REQUIRED -> CONSENT_REAUTH_REQUIRED;
            case EXPIRED -> CONSENT_EXPIRED;
            case REVOKED -> CONSENT_REVOKED;
        };
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
