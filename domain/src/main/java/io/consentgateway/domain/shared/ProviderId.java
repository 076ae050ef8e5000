package io.consentgateway.domain.shared;

import java.util.regex.Pattern;

/**
 * Which consent provider a flow or consent goes through, as its adapter names itself (a lower-case slug). The
 * domain knows no provider by name: the installed adapters bring their ids.
 */
public record ProviderId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,31}");

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
