package io.consentgateway.adapter.in.rest.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A refused callback, shown to the person whose browser brought it. The callback is the one endpoint a browser reaches
 * by navigation, not a script: a user who comes back from the bank with a link that no longer belongs to a flow (opened
 * twice, after the flow lapsed, or forged) would otherwise see a JSON document. When the request prefers HTML — its most
 * preferred {@code Accept} type is {@code text/html} or {@code application/xhtml+xml}, as a browser's navigation says —
 * the same problem (same status, same headers) is answered as a short page; any other client still gets the RFC 9457
 * {@code application/problem+json}, and the answer varies by {@code Accept}. Only the problem's own words are shown,
 * never a query parameter (the code or state may be among them).
 */
@Provider
public class CallbackProblemPage implements ContainerResponseFilter {
    static final MediaType HTML = MediaType.valueOf("text/html; charset=utf-8");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !isCallback(request.getUriInfo().getPath())) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (prefersHtml(request.getAcceptableMediaTypes())) {
            // Bytes, not a String: RESTEasy escapes a String HTML entity of a 400 as text (its XSS guard), which would
            // show the markup itself; the page escapes every word it shows.
            response.setEntity(page(problem).getBytes(StandardCharsets.UTF_8), null, HTML);
        }
    }

    static boolean isCallback(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("callback") || relative.startsWith("callback/");
    }

    /** Whether the most preferred type (the list is sorted, most preferred first) is an HTML page, not a wildcard. */
    static boolean prefersHtml(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return false;
        }
        MediaType first = acceptable.get(0);
        return !first.isWildcardType() && !first.isWildcardSubtype()
                && (first.isCompatible(MediaType.TEXT_HTML_TYPE) || first.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE));
    }

    static String page(Problem problem) {
        String title = escape(problem.title());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body><h1>" + title + "</h1><p>" + escape(problem.detail()) + "</p>"
                + "<p>Go back to the application you came from to connect your bank again.</p>"
                + "<p><small>" + problem.status() + " · " + escape(problem.type()) + "</small></p></body></html>";
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
