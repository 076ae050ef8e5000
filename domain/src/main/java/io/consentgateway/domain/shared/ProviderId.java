package io.consentgateway.domain.shared;

import java.util.regex.Pattern;

/** Which consent provider a flow or consent goes through: {@code nrich}, {@code tatrabanka}, ... */
public record ProviderId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public static final ProviderId NRICH = new ProviderId("nrich");
    public static final ProviderId TATRABANKA = new ProviderId("tatrabanka");

    public ProviderId {
        Require.nonBlank(value, "provider");
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException("provider must be a lower-case slug such as 'nrich'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
