package io.consentgateway.application.service;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The front-end URLs a flow may send the browser back to: a target is allowed when its scheme, host and port
 * equal an entry's and its path starts with the entry's path. Keeps the callback from becoming an open redirect.
 */
public record ReturnToAllowList(List<URI> allowed) {
    public ReturnToAllowList {
        allowed = List.copyOf(allowed);
        for (URI uri : allowed) {
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("allowed return URLs must be absolute");
            }
        }
    }

    public boolean permits(URI target) {
        if (target == null || !target.isAbsolute() || target.getHost() == null || target.getRawUserInfo() != null) {
            return false;
        }
        String rawPath = Objects.requireNonNullElse(target.getRawPath(), "").toLowerCase(Locale.ROOT);
        if (rawPath.contains("%2e") || rawPath.contains("%2f") || rawPath.contains("%5c") || rawPath.contains("\\")
                || rawPath.matches(".*(^|/)\\.{1,2}(/|$).*")) {
            return false; // dot segments, encoded or not, could step out of the allowed path once a browser resolves them
        }
        return allowed.stream().anyMatch(entry -> sameOrigin(entry, target) && pathWithin(entry, target));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static boolean pathWithin(URI entry, URI target) {
        String base = Objects.requireNonNullElse(entry.getRawPath(), "");
        String path = Objects.requireNonNullElse(target.normalize().getRawPath(), "");
        if (base.isEmpty() || base.equals("/")) {
            return true;
        }
        return path.equals(base) || path.startsWith(base.endsWith("/") ? base : base + "/");
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
