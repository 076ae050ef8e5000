package io.consentgateway.adapter.kit;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** Adds {@code Authorization: Basic base64(clientId:clientSecret)} to every request of the client it is registered on. */
public final class BasicClientAuthentication implements ClientRequestFilter {
    private final String header;

    public BasicClientAuthentication(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "client id");
        Objects.requireNonNull(clientSecret, "client secret");
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
    }

    @Override
    public String toString() {
        return "BasicClientAuthentication[***]";
    }
}
