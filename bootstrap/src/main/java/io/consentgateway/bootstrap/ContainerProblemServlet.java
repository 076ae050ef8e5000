package io.consentgateway.bootstrap;

import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web container (declared in {@code WEB-INF/web.xml}): what Liberty refuses before JAX-RS sees
 * the request (an encoded slash {@code %2F}, a malformed escape in the path, a {@code Content-Type} it cannot parse) is
 * answered as the API answers every bad request, with the REST adapter's RFC 9457 problems ({@link ProblemMapper}),
 * instead of the container's HTML page, which shows the request URI and a stack trace. A failure of the container
 * itself is logged as the API logs one, with an error id and without the secrets its message may quote. Requested
 * directly, this page is a 404 like any unknown path.
 */
@WebServlet(name = "container-problem", urlPatterns = ContainerProblemServlet.PATH)
public class ContainerProblemServlet extends HttpServlet {
    static final String PATH = "/container-problem";
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem problem = problem(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE),
                request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.toJson(problem));
    }

    private static Problem problem(Object code, Object failure) {
        int status = code instanceof Integer c ? c : 404;
        if (status >= 500 && failure instanceof Throwable thrown) {
            return ProblemMapper.toProblem(thrown);
        }
        if (status == 400) {
            return Problem.of("malformed-request", "Malformed request", 400,
                    "The request could not be read: a malformed path (such as an encoded slash) or header.");
        }
        return ProblemMapper.fromStatus(status);
    }
}
