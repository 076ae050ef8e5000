package io.consentgateway.adapter.out.nrich;

import io.consentgateway.adapter.kit.BasicClientAuthentication;
import io.consentgateway.adapter.kit.ProviderClients;
import io.consentgateway.adapter.kit.ProviderErrorMapper;
import io.consentgateway.adapter.out.nrich.api.NrichDataApi;
import io.consentgateway.adapter.out.nrich.api.NrichFlowApi;
import io.consentgateway.adapter.out.nrich.api.NrichTokenApi;
import io.consentgateway.adapter.out.nrich.http.Endpoint;
import io.consentgateway.adapter.out.nrich.http.NrichErrorBody;
import io.consentgateway.adapter.out.nrich.http.NrichFailures;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.time.Clock;

/**
 * The three MicroProfile Rest Clients nrich is spoken to with, one per endpoint group, built once and programmatically
 * ({@link ProviderClients}: timeouts, no redirects, a cap on the answer's size): HTTP Basic client authentication on
 * flow and token calls, none on data calls (they carry the user's Bearer token), and every error status translated
 * into the application's exceptions ({@link NrichFailures}).
 */
final class NrichClients implements AutoCloseable {
    final NrichFlowApi flows;
    final NrichTokenApi tokens;
    final NrichDataApi data;

    private NrichClients(NrichFlowApi flows, NrichTokenApi tokens, NrichDataApi data) {
        this.flows = flows;
        this.tokens = tokens;
        this.data = data;
    }

    /** @param clock for the {@code Retry-After} dates of error answers */
    static NrichClients create(NrichSettings settings, Clock clock) {
        BasicClientAuthentication basic = new BasicClientAuthentication(settings.common().clientId(),
                settings.common().clientSecret());
        return new NrichClients(client(NrichFlowApi.class, Endpoint.FLOW, basic, settings, clock),
                client(NrichTokenApi.class, Endpoint.TOKEN, basic, settings, clock),
                client(NrichDataApi.class, Endpoint.DATA, null, settings, clock));
    }

    private static <T> T client(Class<T> api, Endpoint endpoint, BasicClientAuthentication authentication,
                                NrichSettings settings, Clock clock) {
        RestClientBuilder builder = ProviderClients.builder(settings.common(),
                new ProviderErrorMapper((status, retryAfter, body) ->
                        NrichFailures.fromStatus(endpoint, status, retryAfter, NrichErrorBody.parse(body), clock)));
        if (authentication != null) {
            builder.register(authentication);
        }
        return builder.build(api);
    }

    /** Closes each client, best effort. */
    @Override
    public void close() {
        for (Object client : new Object[] {flows, tokens, data}) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing is best effort
                }
            }
        }
    }
}
