package io.consentgateway.domain.shared;

/**
 * A value object refused its input. The message says what was expected; it echoes the input only
 * where the input is not secret.
 */
public class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
