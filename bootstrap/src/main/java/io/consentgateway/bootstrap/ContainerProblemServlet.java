package io.consentgateway.bootstrap;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web container (declared in {@code WEB-INF/web.xml}): what Liberty refuses before JAX-RS sees
 * the request (an encoded slash {@code %2F}, a malformed escape in the path, a {@code Content-Type} it cannot parse) is
 * answered as the API answers every bad
 * request, with an RFC 9457 problem, instead of the container's HTML page, which shows the request URI and a stack
 * trace. Requested directly, it is a 404 like any unknown path.
 */
@WebServlet(name = "container-problem", urlPatterns = ContainerProblemServlet.PATH)
public class ContainerProblemServlet extends HttpServlet {
    static final String PATH = "/container-problem";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ContainerProblemServlet.class.getName());
    private static final String TYPES = "https://consent-gateway.io/problems/";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : 404;
        JsonObjectBuilder problem = Json.createObjectBuilder();
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            // The container's exception names the request URI, which may carry a callback's code: only its type.
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE);
            LOG.log(Level.SEVERE, "Unexpected error " + errorId + " in the web container"
                    + (failure instanceof Class<?> type ? " (" + type.getName() + ")" : ""));
            problem.add("type", TYPES + "internal-error").add("title", "Internal error").add("status", status)
                    .add("detail", "An unexpected error occurred. It was logged with id " + errorId + ".");
        } else if (status == 404) {
            problem.add("type", TYPES + "not-found").add("title", "Not found").add("status", 404)
                    .add("detail", "No such resource.");
        } else {
            problem.add("type", TYPES + "malformed-request").add("title", "Malformed request").add("status", status)
                    .add("detail", "The request could not be read: a malformed path (such as an encoded slash) or header.");
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(problem.build().toString());
    }
}
