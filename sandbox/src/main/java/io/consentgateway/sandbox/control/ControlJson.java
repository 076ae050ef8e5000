package io.consentgateway.sandbox.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/** What the control API's JSON readers share: a member read as an exact {@code int}, named when it is not one. */
final class ControlJson {
    private ControlJson() {
    }

    /** The member as an int; an {@link IllegalArgumentException} naming it when it is no integer or out of range. */
    static int intValue(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " is out of range");
        }
    }
}
