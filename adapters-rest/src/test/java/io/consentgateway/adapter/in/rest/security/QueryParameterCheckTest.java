package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.adapter.in.rest.CallbackResource;
import io.consentgateway.adapter.in.rest.Callers;
import io.consentgateway.adapter.in.rest.ConsentsResource;
import io.consentgateway.adapter.in.rest.WebhookDeliveriesResource;
import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The API's queries hold only the parameters its resource method declares, each once; other paths are left alone. */
class QueryParameterCheckTest {

    private static Method transactions() throws NoSuchMethodException {
        return ConsentsResource.class.getMethod("transactions", String.class, String.class, String.class, String.class,
                String.class, String.class, SecurityContext.class);
    }

    private static ContainerRequestContext request(String path, String query) {
        return request(path, query, Callers.signedInAs("anna"));
    }

    private static ContainerRequestContext request(String path, String query, SecurityContext caller) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.add(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath(false)).thenReturn(path);
        when(uri.getQueryParameters()).thenReturn(parameters);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getSecurityContext()).thenReturn(caller);
        return request;
    }

    private static QueryParameterCheck checkFor(Method method) {
        ResourceInfo resource = mock(ResourceInfo.class);
        when(resource.getResourceMethod()).thenReturn(method);
        return new QueryParameterCheck(resource);
    }

    private static Problem refusal(Method method, String path, String query) {
        Throwable refused = catchThrowable(() -> checkFor(method).filter(request(path, query)));
        assertThat(refused).as(query).isNotNull();
        return ProblemMapper.toProblem(refused);
    }

    @Test
    void theParametersTheMethodDeclaresPassEachOnceInAnyOrder() throws Exception {
        assertThat(QueryParameterCheck.declaredQueryParameters(transactions()))
                .containsExactlyInAnyOrder("account", "from", "to", "limit", "cursor");
        for (String query : new String[] {"", "account=a1", "limit=10&cursor=c&from=2026-01-01&to=2026-02-01&account=a",
                                          "limit=", "&limit=5"}) {
            assertThatCode(() -> checkFor(transactions()).filter(request("api/v1/consents/x/transactions", query)))
                    .as(query).doesNotThrowAnyException();
        }
    }

    @Test
    void aMisspeltParameterIsA400NamingItInsteadOfAFilterSilentlyDropped() throws Exception {
        Problem problem = refusal(transactions(), "/api/v1/consents/x/transactions", "accountId=a1&limit=5");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).endsWith("invalid-input");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("accountId");
            assertThat(error.message()).isEqualTo("is not a query parameter of this request");
        });
    }

    @Test
    void aParameterGivenTwiceIsA400RatherThanTheFirstOneWinning() throws Exception {
        Problem problem = refusal(transactions(), "api/v1/consents/x/transactions", "limit=10&limit=500&page=2");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldProblem::field, Problem.FieldProblem::message)
                .containsExactly(tuple("page", "is not a query parameter of this request"),
                        tuple("limit", "is given more than once; give it once"));
    }

    @Test
    void aNameThatIsNotPlainIsNotRepeatedBack() throws Exception {
        Problem problem = refusal(transactions(), "api/v1/consents/x/transactions", "<script>alert(1)</script>=1");

        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("request");
            assertThat(error.message()).doesNotContain("<script>");
        });
    }

    @Test
    void aMethodWithoutQueryParametersTakesNone() throws Exception {
        Method list = ConsentsResource.class.getMethod("list", SecurityContext.class);

        assertThat(refusal(list, "api/v1/consents", "status=ACTIVE").errors())
                .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("status"));
    }

    @Test
    void whatIsNotTheApiTakesAnyParameterForTheProviderOrTheBrowserChoseThem() throws Exception {
        Method callback = CallbackResource.class.getMethod("callback", UriInfo.class);

        assertThatCode(() -> checkFor(callback).filter(request("callback", "state=s&code=c&iss=https://bank&session_state=x")))
                .doesNotThrowAnyException();
        assertThatCode(() -> checkFor(null).filter(request("api/v1/consents", "anything=1")))
                .as("no resource method (a preflight the runtime answers)").doesNotThrowAnyException();
    }

    @Test
    void aCallerWhoMayNotCallTheMethodIsNotCheckedTheResourceRefusesThemFirst() throws Exception {
        assertThatCode(() -> checkFor(transactions())
                .filter(request("api/v1/consents/x/transactions", "accountId=1", Callers.anonymous())))
                .as("no token: the resource's 401").doesNotThrowAnyException();
        Method deliveries = WebhookDeliveriesResource.class.getMethod("list", String.class, String.class, String.class, String.class, jakarta.ws.rs.core.UriInfo.class);
        assertThatCode(() -> checkFor(deliveries).filter(request("api/v1/admin/webhooks/deliveries", "state=failed")))
                .as("not an operator: the 403").doesNotThrowAnyException();
    }

    @Test
    void anUndecodableQueryIsA400ThatDoesNotQuoteTheUri() throws Exception {
        ContainerRequestContext request = request("api/v1/consents", "");
        when(request.getUriInfo().getQueryParameters()).thenThrow(
                new IllegalArgumentException("Malformed escape pair at index 30: http://host/api/v1/consents?code=secret&x=%ZZ"));

        Throwable refused = catchThrowable(() -> checkFor(ConsentsResource.class.getMethod("list", SecurityContext.class))
                .filter(request));

        Problem problem = ProblemMapper.toProblem(refused);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).doesNotContain("secret");
        assertThat(refused.getCause()).isNull();
    }
}
