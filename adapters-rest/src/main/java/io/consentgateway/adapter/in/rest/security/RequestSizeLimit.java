package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.adapter.kit.BoundedInputStream;
import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * Authentication before the body, then a bounded body. A request that brings a body but no signed-in user (the server's
 * MicroProfile JWT refuses an invalid token itself, but lets a request without one through) is a 401 before a byte of
 * the body is looked at or its size discussed. A body over {@code cg.api.max-body-bytes} (64 KiB) is refused with 413
 * before anything parses it: at once when its {@code Content-Length} says so, else (a chunked body) as soon as more than
 * the limit has been read. (The API takes a body only from signed-in users; the callback takes none.)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {
    public static final String MAX_BODY_BYTES = "cg.api.max-body-bytes";
    public static final long DEFAULT_MAX_BYTES = 64 * 1024;

    private final long maxBytes;

    /** The JAX-RS runtime's instance: the limit from MicroProfile Config. */
    public RequestSizeLimit() {
        this(ConfigProvider.getConfig().getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(DEFAULT_MAX_BYTES));
    }

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        boolean bringsBody = request.getLength() > 0 || request.hasEntity();
        if (bringsBody && CurrentUser.isAnonymous(request.getSecurityContext())) {
            throw new NotAuthorizedException("Bearer");
        }
        if (request.getLength() > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBytes, PayloadTooLarge::new));
        }
    }

    /** The body exceeds the limit: a 413 problem (an {@code IOException}, as a reader of the body meets it). */
    public static final class PayloadTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public PayloadTooLarge(long limit) {
            super("The request body exceeds " + limit + " bytes.");
        }
    }
}
