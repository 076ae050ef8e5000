package io.consentgateway.adapter.in.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body over {@code cg.api.max-body-bytes} (64 KiB) with 413 before anything parses it: at once when
 * its {@code Content-Length} says so, else (a chunked body) as soon as more than the limit has been read. The bearer
 * token is checked before this (by the server's MicroProfile JWT), so an anonymous caller never gets its body read.
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
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
        }
    }

    /** The body exceeds the limit: a 413 problem. */
    public static final class PayloadTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PayloadTooLarge(long limit) {
            super("The request body exceeds " + limit + " bytes.");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new PayloadTooLarge(limit);
            }
        }
    }
}
