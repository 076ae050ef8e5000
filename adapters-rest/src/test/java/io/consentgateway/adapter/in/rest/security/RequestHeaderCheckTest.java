package io.consentgateway.adapter.in.rest.security;

import io.consentgateway.adapter.in.rest.problem.Problem;
import io.consentgateway.adapter.in.rest.problem.ProblemMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Headers the JAX-RS runtime would fail on (a 500) are the client's 4xx, decided before anything else reads them. */
class RequestHeaderCheckTest {
    private final RequestHeaderCheck check = new RequestHeaderCheck();

    private static ContainerRequestContext request(List<String> accept, String contentType) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!accept.isEmpty()) {
            headers.put(HttpHeaders.ACCEPT, accept);
        }
        when(request.getHeaders()).thenReturn(headers);
        when(request.getHeaderString(HttpHeaders.CONTENT_TYPE)).thenReturn(contentType);
        return request;
    }

    private static Problem refusal(List<String> accept, String contentType) {
        Throwable refused = catchThrowable(() -> new RequestHeaderCheck().filter(request(accept, contentType)));
        assertThat(refused).as(accept + " / " + contentType).isNotNull();
        return (Problem) new ProblemMapper().toResponse(refused).getEntity();
    }

    @Test
    void wellFormedHeadersPass() {
        for (String accept : new String[] {"application/json", "*/*;q=0.8, application/json", "text/html;q=1.0,*/*;q=0",
                                           "application/json; q=\"0.5\"", "application/json;level=1"}) {
            assertThatCode(() -> check.filter(request(List.of(accept), "application/json; charset=UTF-8")))
                    .as(accept).doesNotThrowAnyException();
        }
        assertThatCode(() -> check.filter(request(List.of(), null))).doesNotThrowAnyException();
        assertThatCode(() -> check.filter(request(List.of(), "application/json;charset=\"iso-8859-1\"")))
                .doesNotThrowAnyException();
    }

    @Test
    void aQualityThatIsNoNumberFromZeroToOneIsA400NamingTheHeaderNotItsValue() {
        for (String accept : new String[] {"*/*;q=abc", "application/json;q=2", "application/json, */*;q=-1",
                                           "*/*;q=<script>"}) {
            Problem problem = refusal(List.of(accept), null);
            assertThat(problem.status()).as(accept).isEqualTo(400);
            assertThat(problem.detail()).contains("Accept").doesNotContain("abc").doesNotContain("<script>");
        }
    }

    @Test
    void aCharsetThisServerDoesNotKnowIsA415() {
        for (String contentType : new String[] {"application/json; charset=bogus", "application/json;charset=\"no such\"",
                                                "application/json; charset=<x>"}) {
            Problem problem = refusal(List.of(), contentType);
            assertThat(problem.status()).as(contentType).isEqualTo(415);
            assertThat(problem.detail()).contains("UTF-8").doesNotContain("bogus").doesNotContain("<x>");
        }
    }
}
