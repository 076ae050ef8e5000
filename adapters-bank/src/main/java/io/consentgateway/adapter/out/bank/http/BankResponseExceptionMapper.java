package io.consentgateway.adapter.out.bank.http;

import io.consentgateway.application.port.out.ProviderException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Turns the bank's error answers (any status from 300 on) into the application's exceptions, per endpoint group
 * (see {@link BankFailures#fromStatus}). Reads at most {@link #MAX_ERROR_BYTES} of an error body.
 */
public final class BankResponseExceptionMapper implements ResponseExceptionMapper<ProviderException> {
    static final int MAX_ERROR_BYTES = 64 * 1024;

    private final Endpoint endpoint;
    private final Clock clock;

    public BankResponseExceptionMapper(Endpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public ProviderException toThrowable(Response response) {
        return BankFailures.fromStatus(endpoint, response.getStatus(), response.getHeaderString("Retry-After"),
                BankErrorBody.parse(body(response)), clock);
    }

    @Override
    public int getPriority() {
        return 100; // before any other mapper; the default one is disabled anyway
    }

    private static String body(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            InputStream in = response.readEntity(InputStream.class);
            if (in == null) {
                return "";
            }
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while (out.size() < MAX_ERROR_BYTES && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_ERROR_BYTES - out.size()))) > 0) {
                    out.write(buffer, 0, n);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
