package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.util.UUID;

/** Identifies a flow in this gateway (the provider's own flow id is kept beside it). */
public record FlowId(UUID value) {
    public FlowId {
        Require.nonNull(value, "flow id");
    }

    public static FlowId random() {
        return new FlowId(UUID.randomUUID());
    }

    public static FlowId parse(String text) {
        try {
            return new FlowId(UUID.fromString(Require.nonBlank(text, "flow id")));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("flow id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
