package io.consentgateway.sandbox.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Redirect URIs: validation, and appending callback query parameters. */
public final class Uris {

    private Uris() {
    }

    /** An absolute http or https URI with a host and without a fragment (RFC 6749 §3.1.2). */
    public static boolean isAbsoluteHttpUri(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Appends the parameters to the redirect URI's query, keeping whatever query it already has
     * (RFC 6749 §3.1.2: the query component must be retained). Values are percent-encoded.
     */
    public static URI withQuery(String redirectUri, Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        if (redirectUri.endsWith("?") || redirectUri.endsWith("&")) {
            separator = 0;
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (separator != 0) {
                sb.append(separator);
            }
            sb.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return URI.create(sb.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
