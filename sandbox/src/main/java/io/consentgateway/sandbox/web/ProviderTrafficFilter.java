package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.control.FaultRule;
import io.consentgateway.sandbox.control.RouteTemplates;
import io.consentgateway.sandbox.core.JsonBodies;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Counts every call to the simulated providers and applies injected faults.
 * <p>
 * Runs after matching, so it knows the route template. Before processing it may sleep and/or
 * abort with the fault's status; with {@code afterProcessing} the resource runs first (the code is
 * consumed, the token rotated), then the sleep, then the response is replaced by the error (the client
 * never sees the result) or, without a status, delivered late. 503 answers carry {@code Retry-After: 1}.
 */
@Provider
@Priority(Priorities.USER)
public class ProviderTrafficFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String FAULT_PROPERTY = "io.consentgateway.sandbox.fault";
    private static final int MAX_PEEK_BYTES = 64 * 1024;

    @Context
    private ResourceInfo resourceInfo;

    private volatile Sandbox sandbox;

    public ProviderTrafficFilter() {
    }

    ProviderTrafficFilter(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath();
        String provider = providerOf(path);
        if (provider == null) {
            return;
        }
        String relativePath = path.substring(path.indexOf(provider) + provider.length());
        relativePath = relativePath.isEmpty() ? "/" : relativePath;
        String route = RouteTemplates.of(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod())
                .map(t -> RouteTemplates.relativeTo(provider, t)).orElse(relativePath);
        String grantType = null;
        if ("POST".equals(request.getMethod()) && route.endsWith("/token")) {
            InputStream original = request.getEntityStream();
            byte[] body = original == null ? new byte[0] : original.readNBytes(MAX_PEEK_BYTES);
            request.setEntityStream(original == null ? new ByteArrayInputStream(body)
                    : new SequenceInputStream(new ByteArrayInputStream(body), original));
            grantType = grantTypeOf(request.getMediaType(), new String(body, StandardCharsets.UTF_8)).orElse(null);
        }
        sandbox().stats().record(provider, request.getMethod(), route, grantType);

        Optional<FaultRule> fault = sandbox().faults().match(provider, relativePath);
        if (fault.isEmpty()) {
            return;
        }
        FaultRule rule = fault.get();
        if (rule.afterProcessing()) {
            request.setProperty(FAULT_PROPERTY, rule);
            return;
        }
        InjectedLatency.waitOut(rule.latencyMs());
        if (rule.status() != null) {
            request.abortWith(faultResponse(provider, rule.status()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(FAULT_PROPERTY) instanceof FaultRule rule) {
            InjectedLatency.waitOut(rule.latencyMs());
            if (rule.status() == null) {
                return; // the real answer, late
            }
            String provider = rule.provider();
            Response replacement = faultResponse(provider, rule.status());
            response.setStatus(replacement.getStatus());
            response.getHeaders().clear();
            response.getHeaders().putAll(replacement.getHeaders());
            response.setEntity(replacement.getEntity(), new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** "nrich" or "bank" when the request path (relative to /sandbox) is one of theirs. */
    static String providerOf(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (String provider : FaultRule.PROVIDERS) {
            if (p.equals(provider) || p.startsWith(provider + "/")) {
                return provider;
            }
        }
        return null;
    }

    /** The grant_type of a token request body, JSON or form-encoded. */
    static Optional<String> grantTypeOf(MediaType mediaType, String body) {
        if (mediaType != null && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("grant_type")) {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8))
                            .filter(FaultRule::isSafeLabel);
                }
            }
            return Optional.empty();
        }
        return JsonBodies.object(body).map(o -> JsonBodies.string(o, "grant_type")).filter(FaultRule::isSafeLabel);
    }

    /** The error a fault answers with, in the provider's error shape. */
    static Response faultResponse(String provider, int status) {
        String body = "nrich".equals(provider)
                ? Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                        .add("code", status).add("group", status >= 500 ? "server" : "client")
                        .add("description", "Injected fault").add("data", Json.createObjectBuilder())).build().toString()
                : Json.createObjectBuilder().add("error", status >= 500 ? "temporarily_unavailable" : "invalid_request")
                        .add("error_description", "Injected fault").build().toString();
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return builder.build();
    }

    private Sandbox sandbox() {
        Sandbox s = sandbox;
        if (s == null) {
            s = CDI.current().select(SandboxRuntime.class).get().sandbox();
            sandbox = s;
        }
        return s;
    }
}
