package io.consentgateway.adapter.in.rest.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Security headers on every response of the application: HSTS, no MIME sniffing, no framing, a strict CSP
 * (the demo page loads only its own files), no referrer leaking flow ids, and {@code no-store} on API and
 * callback responses (they carry personal financial data).
 */
@Provider
public class SecurityHeadersFilter implements ContainerResponseFilter {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = request.getUriInfo().getPath();
        String normalized = path.startsWith("/") ? path : "/" + path;
        if (normalized.startsWith("/api/") || normalized.startsWith("/callback")) {
            headers.putSingle("Cache-Control", "no-store");
            headers.putSingle("Pragma", "no-cache");
        }
    }
}
