package io.consentgateway.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects the errors of a whole input instead of failing on the first one, so a caller learns about every
 * bad field at once. Value objects throw {@link IllegalArgumentException} with a message; this names the field.
 */
public final class Fields {
    private final List<FieldError> errors = new ArrayList<>();

    /** Parses one field; a null input gives null (optional fields), a refused one records the error. */
    public <I, T> T parse(String field, I input, Function<I, T> parser) {
        if (input == null) {
            return null;
        }
        try {
            return parser.apply(input);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** Like {@link #parse} but the field must be present. */
    public <I, T> T require(String field, I input, Function<I, T> parser) {
        if (input == null || (input instanceof String s && s.isBlank())) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return parse(field, input, parser);
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link InvalidInput} listing every recorded error, if any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
