package io.consentgateway.adapter.kit;

import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.ClientRequestContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code maxBytes} of any answer: a declared {@code Content-Length} above the limit fails at once,
 * and the entity stream is wrapped so that a longer (e.g. chunked) body fails once the limit is passed, whatever
 * then reads it (the JSON-B reader or the error mapper).
 */
public final class ResponseSizeLimit implements ClientResponseFilter {
    private final long maxBytes;

    public ResponseSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        if (response.getLength() > maxBytes) {
            InputStream entity = response.getEntityStream();
            if (entity != null) {
                entity.close();
            }
            throw new ResponseTooLarge(maxBytes);
        }
        if (response.hasEntity()) {
            response.setEntityStream(new BoundedInputStream(response.getEntityStream(), maxBytes, ResponseTooLarge::new));
        }
    }
}
