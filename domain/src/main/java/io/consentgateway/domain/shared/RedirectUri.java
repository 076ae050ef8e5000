package io.consentgateway.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a provider sends the browser back: absolute, {@code https} (plain {@code http} only on a loopback
 * host, for local development), no fragment and no user info.
 */
public record RedirectUri(URI value) {
    public RedirectUri {
        Require.nonNull(value, "redirect URI");
        if (!value.isAbsolute() || value.getHost() == null) {
            throw new InvalidValueException("redirect URI must be absolute with a host");
        }
        String scheme = value.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && LoopbackHost.is(value.getHost()))) {
            throw new InvalidValueException("redirect URI must use https (http only on a loopback host)");
        }
        if (value.getRawFragment() != null) {
            throw new InvalidValueException("redirect URI must not have a fragment");
        }
        if (value.getRawUserInfo() != null) {
            throw new InvalidValueException("redirect URI must not carry user info");
        }
    }

    public static RedirectUri parse(String text) {
        Require.nonBlank(text, "redirect URI");
        try {
            return new RedirectUri(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new InvalidValueException("redirect URI is not a valid URI");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
