package io.consentgateway.adapter.kit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * An input stream that fails once more than {@code limit} bytes have been read from it, with the exception its user
 * chooses (an answer too large for a provider client, a request body too large for the API).
 */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final LongFunction<? extends IOException> tooLarge;
    private long count;

    public BoundedInputStream(InputStream in, long limit, LongFunction<? extends IOException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
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

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw tooLarge.apply(limit);
        }
    }
}
