package io.consentgateway.domain.shared;

/** The fintech's identifier of its end user (the JWT subject); nrich's {@code user_id}. */
public record UserId(String value) {
    public UserId {
        Require.nonBlank(value, "user id");
        Require.maxLength(value, 128, "user id");
        Require.printable(value, "user id");
    }

    @Override
    public String toString() {
        return value;
    }
}
