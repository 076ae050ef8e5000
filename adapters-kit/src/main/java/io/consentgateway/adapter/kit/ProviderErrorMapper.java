package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The MicroProfile Rest Client mapper of a provider's error answers (any status from 300 on): reads at most
 * {@link ErrorBodies#MAX_ERROR_BYTES} of the body and hands status, {@code Retry-After} and body to the adapter's own
 * classification. Register one per endpoint group, with the translation that knows that group's statuses.
 */
public final class ProviderErrorMapper implements ResponseExceptionMapper<ProviderException> {

    /** How an adapter reads one error answer. */
    @FunctionalInterface
    public interface Translation {
        ProviderException of(int status, String retryAfterHeader, String body);
    }

    private final Translation translation;

    public ProviderErrorMapper(Translation translation) {
        this.translation = translation;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public ProviderException toThrowable(Response response) {
        return translation.of(response.getStatus(), response.getHeaderString("Retry-After"), ErrorBodies.read(response));
    }

    @Override
    public int getPriority() {
        return 100; // before any other mapper; the default one is disabled anyway
    }
}
