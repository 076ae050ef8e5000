package io.consentgateway.domain.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a provider sends the browser back: absolute, {@code https} (plain {@code http} only on a loopback
 * host, for local development), no fragment and no user info.
 */
public record RedirectUri(URI value) {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** An IPv4 literal in 127.0.0.0/8; a host name that merely starts with "127." is not loopback. */
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    public RedirectUri {
        Require.nonNull(value, "redirect URI");
        if (!value.isAbsolute() || value.getHost() == null) {
            throw new InvalidValueException("redirect URI must be absolute with a host");
        }
        String scheme = value.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(value.getHost().toLowerCase(Locale.ROOT))
                || LOOPBACK_IPV4.matcher(value.getHost()).matches();
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
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
