package io.consentgateway.bootstrap;

import io.consentgateway.adapter.kit.ConfigValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the demo page (plain HTML, CSS and JavaScript packed in the WAR, no CDN). JAX-RS owns the context root,
 * so the few static files go through here; only the listed names exist. A production deployment
 * ({@value ConfigValues#DEPLOYMENT}{@code =production}) serves none of them: the page signs in with the sandbox's demo
 * identity provider, which is not there, and the fintech's own front end is somewhere else.
 */
@Path("/")
@ApplicationScoped
public class DemoPageResource {
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private boolean served;

    protected DemoPageResource() {
        // for CDI proxies
    }

    @Inject
    public DemoPageResource(@ConfigProperty(name = ConfigValues.DEPLOYMENT) Optional<String> deployment) {
        this.served = !ConfigValues.production(deployment);
    }

    @GET
    @Operation(hidden = true)
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("/demo/{name}")
    @Operation(hidden = true)
    public Response asset(@PathParam("name") String name) {
        return file(name);
    }

    private Response file(String name) {
        String type = FILES.get(name);
        if (!served || type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = DemoPageResource.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
