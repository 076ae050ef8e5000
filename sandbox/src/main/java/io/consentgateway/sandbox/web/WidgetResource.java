package io.consentgateway.sandbox.web;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.SandboxRuntime;
import io.consentgateway.sandbox.nrich.NrichError;
import io.consentgateway.sandbox.nrich.NrichSimulator.WidgetView;
import io.consentgateway.sandbox.nrich.WidgetPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The simulated widget at the {@code location} a flow creation returns. GET shows it; the form
 * POSTs back here and is answered with 303 to the flow's redirect_uri.
 */
@ApplicationScoped
@Path("/nrich/widget/{flow_id}")
public class WidgetResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Sandbox sandbox;

    /** For CDI's proxy. */
    protected WidgetResource() {
    }

    @Inject
    public WidgetResource(SandboxRuntime runtime) {
        this(runtime.sandbox());
    }

    public WidgetResource(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("flow_id") String flowId) {
        Optional<WidgetView> view = sandbox.nrich().widget(flowId);
        return view.map(v -> html(200, WidgetPage.render(v, null))).orElseGet(WidgetResource::gone);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("flow_id") String flowId, @FormParam("action") String action,
                           @FormParam("bank") String bank) {
        Optional<WidgetView> view = sandbox.nrich().widget(flowId);
        if (view.isEmpty()) {
            return gone();
        }
        try {
            URI callback;
            if ("approve".equals(action)) {
                callback = sandbox.nrich().approve(flowId, bank);
            } else if ("cancel".equals(action)) {
                callback = sandbox.nrich().cancel(flowId);
            } else {
                return html(400, WidgetPage.render(view.get(), "Unknown action: choose Approve or Cancel."));
            }
            return Response.seeOther(callback).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Referrer-Policy", "no-referrer").build();
        } catch (NrichError e) {
            if (e.status() == 404) {
                return gone();
            }
            return html(e.status(), WidgetPage.render(view.get(), e.description()));
        }
    }

    private static Response gone() {
        return html(404, WidgetPage.gone());
    }

    private static Response html(int status, String page) {
        // The page as bytes: a String entity of an error status would be written as an error message, HTML-escaped by
        // the server, and a browser would show the page's source. Never framed: a consent page inside somebody else's
        // page is how clickjacking starts.
        return Response.status(status).type(HTML).entity(page.getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY").build();
    }
}
