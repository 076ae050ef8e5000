package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.adapter.in.rest.dto.RequestNames;
import io.consentgateway.application.port.in.Fields;
import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query parameter the resource method does not declare is a 400 naming it, and so is one given twice: a misspelt
 * filter ({@code ?accountId=} for {@code ?account=}) would otherwise be dropped without a word and the client served
 * every account's transactions, and of {@code ?limit=10&limit=500} the runtime silently takes the first. This is the
 * rule request bodies follow ({@code JsonBody}). Every unknown or repeated parameter is listed at once, as
 * {@code invalid-input}; a name of other characters than letters, digits, {@code _}, {@code -} and {@code .} is not
 * repeated back. A caller who may not call the method at all (no token, not the role it needs) is not checked: the
 * resource tells them so first.
 *
 * <p>Only the REST API's queries are checked ({@value #API}...), where the client is a program written against the
 * API's contract. What is not the API takes parameters it cannot know: the callback's are the provider's, the front
 * end's page gets the outcome the callback appends, and a metrics scraper may add its own.
 */
@Provider
@Priority(Priorities.USER)
public class QueryParameterCheck implements ContainerRequestFilter {
    /** The REST API's paths, relative to the application. */
    static final String API = "api/";

    @Context
    private ResourceInfo resource;

    public QueryParameterCheck() {
        // for the JAX-RS runtime, which injects the resource
    }

    QueryParameterCheck(ResourceInfo resource) {
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath(false).replaceFirst("^/", "").startsWith(API)
                || !mayCall(request.getSecurityContext(), method)) {
            return;
        }
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException undecodable) {
            // %ZZ and the like: the runtime's message quotes the whole URI, so it is not chained.
            throw new BadRequestException("The query is not validly percent-encoded.");
        }
        check(declaredQueryParameters(method), query);
    }

    /**
     * Whether the caller passes the method's authentication and roles: one who does not is told that (401, 403) by
     * the resource or {@link RoleCheck}, and learns nothing about its parameters first.
     */
    private static boolean mayCall(SecurityContext security, Method method) {
        if (CurrentUser.isAnonymous(security)) {
            return false;
        }
        return RoleCheck.rolesOf(method).map(roles -> Arrays.stream(roles.value()).anyMatch(security::isUserInRole))
                .orElse(true);
    }

    /** Throws an {@code InvalidInput} naming each parameter of {@code query} not in {@code declared} or given twice. */
    static void check(Set<String> declared, Map<String, List<String>> query) {
        Fields fields = new Fields();
        RequestNames.rejectUnknown(fields, query.keySet().stream()
                .filter(name -> !name.isEmpty() && !declared.contains(name)).sorted().toList(), "query parameter");
        query.entrySet().stream()
                .filter(parameter -> declared.contains(parameter.getKey()) && parameter.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted()
                .forEach(name -> fields.reject(name, "is given more than once; give it once"));
        fields.throwIfAny();
    }

    /** The names of the method's {@code @QueryParam} parameters. */
    static Set<String> declaredQueryParameters(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .filter(QueryParam.class::isInstance).map(QueryParam.class::cast).map(QueryParam::value)
                .collect(Collectors.toUnmodifiableSet());
    }
}
