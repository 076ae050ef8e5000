package io.consentgateway.adapter.kit;

import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.ClientRequestContext;

import java.io.FilterInputStream;
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
            response.setEntityStream(new Bounded(response.getEntityStream(), maxBytes));
        }
    }

    /** An input stream that fails once more than {@code limit} bytes have been read from it. */
    static final class Bounded extends FilterInputStream {
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

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws ResponseTooLarge {
            count += n;
            if (count > limit) {
                throw new ResponseTooLarge(limit);
            }
        }
    }
}
