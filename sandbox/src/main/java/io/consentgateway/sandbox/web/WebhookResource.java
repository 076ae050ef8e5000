package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.control.WebhookFault;
import io.consentgateway.sandbox.core.JsonBodies;
import io.consentgateway.sandbox.webhooks.ReceivedWebhook;
import io.consentgateway.sandbox.webhooks.WebhookReceiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver (never part of a real provider): stands in for a customer's endpoint that the gateway
 * delivers its events to. {@code POST} records a delivery, {@code GET} lists them oldest first, {@code DELETE}
 * forgets them; {@code /control/webhooks} makes it misbehave. Its errors are RFC 9457 problems.
 */
@ApplicationScoped
@Path("/webhooks")
public class WebhookResource {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> QUERY_PARAMETERS = Set.of("type", "userId");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";,\\s]+)\"?");

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected WebhookResource() {
    }

    @Inject
    public WebhookResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public WebhookResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Records one delivery, any content type: 204; or misbehaves as {@code /control/webhooks} says. */
    @POST
    public Response receive(@Context HttpHeaders headers, InputStream body) {
        return receive(headers.getRequestHeaders(), body);
    }

    /**
     * Records one delivery: the headers as sent, the body as text (the Content-Type's charset, UTF-8 by default),
     * exactly. 413 above {@link WebhookReceiver#MAX_BODY_BYTES}; 400 when the body is not text in its charset
     * (the raw body must give back the bytes that were signed); 415 for a charset unknown to Java. With a fault:
     * waits its latency, then answers its status or redirect without recording, or records late.
     */
    public Response receive(Map<String, List<String>> requestHeaders, InputStream body) {
        WebhookReceiver receiver = sandbox.webhooks();
        Map<String, String> headers = ReceivedWebhook.headersOf(requestHeaders);
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            receiver.refuse();
            return problem(400, "Bad Request", "the body could not be read");
        }
        if (bytes.length > WebhookReceiver.MAX_BODY_BYTES) {
            receiver.refuse();
            return problem(413, "Content Too Large",
                    "the webhook receiver takes bodies of at most " + WebhookReceiver.MAX_BODY_BYTES + " bytes");
        }
        Charset charset;
        try {
            charset = charsetOf(headers.get("content-type"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            receiver.refuse();
            return problem(415, "Unsupported Media Type", "unknown charset in Content-Type");
        }
        String rawBody;
        try {
            rawBody = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            receiver.refuse();
            return problem(400, "Bad Request", "the body is not " + charset.name() + " text");
        }

        Optional<WebhookFault> fault = sandbox.webhookFaults().next();
        if (fault.isPresent()) {
            WebhookFault rule = fault.get();
            InjectedLatency.waitOut(rule.latencyMs());
            if (rule.status() != null) {
                receiver.refuse();
                return injected(rule.status());
            }
            if (rule.redirectTo() != null) {
                receiver.refuse();
                return Response.status(307).location(rule.redirectTo()).build();
            }
        }
        receiver.record(headers, rawBody);
        return Response.noContent().build();
    }

    /** A JSON array of the deliveries, oldest first; {@code ?type=…} and {@code ?userId=…} filter. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@Context UriInfo uriInfo) {
        Map<String, List<String>> query;
        try {
            query = uriInfo.getQueryParameters();
        } catch (IllegalArgumentException e) {
            return problem(400, "Bad Request", "the query is not correctly percent-encoded");
        }
        return list(query);
    }

    /** As {@link #list(UriInfo)}, with the decoded query parameters; any other one, or one given twice, is a 400. */
    public Response list(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!QUERY_PARAMETERS.contains(parameter.getKey())) {
                return problem(400, "Bad Request", "unknown query parameter " + parameter.getKey()
                        + "; the filters are type and userId");
            }
            if (parameter.getValue().size() > 1) {
                return problem(400, "Bad Request", "query parameter " + parameter.getKey() + " given more than once");
            }
        }
        JsonArrayBuilder array = JsonBodies.provider().createArrayBuilder();
        sandbox.webhooks().toJson(first(query, "type"), first(query, "userId")).forEach(array::add);
        return Response.ok(array.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Forgets every delivery and zeroes the counters (a fault set through /control/webhooks stays). */
    @DELETE
    public Response clear() {
        sandbox.webhooks().clear();
        return Response.noContent().build();
    }

    /** The charset of a Content-Type; UTF-8 when it names none. */
    static Charset charsetOf(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                return Charset.forName(m.group(1));
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The answer of an injected failure; a 503 carries {@code Retry-After: 1}, as the provider faults do. */
    static Response injected(int status) {
        Response.ResponseBuilder answer = problemBuilder(status, "Injected fault",
                "the sandbox's webhook receiver was told to answer " + status + " (/sandbox/control/webhooks)");
        if (status == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.build();
    }

    static Response problem(int status, String title, String detail) {
        return problemBuilder(status, title, detail).build();
    }

    /** An RFC 9457 problem: {@code {"type":"about:blank","title","status","detail"}}. */
    private static Response.ResponseBuilder problemBuilder(int status, String title, String detail) {
        String body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString();
        return Response.status(status).type(PROBLEM_JSON).entity(body);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
