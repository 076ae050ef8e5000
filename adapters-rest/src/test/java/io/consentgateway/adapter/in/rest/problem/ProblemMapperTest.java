package io.consentgateway.adapter.in.rest.problem;

import io.consentgateway.application.port.in.ChangedMeanwhile;
import io.consentgateway.application.port.in.FieldError;
import io.consentgateway.application.port.in.GatewayUnavailable;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.ProviderDown;
import io.consentgateway.application.port.in.ProviderRefused;
import io.consentgateway.application.port.in.TooManyWaitingFlows;
import io.consentgateway.application.port.in.WrongConsentKind;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's error contract: every exception becomes a problem with a stable type, never a stack trace or a secret. */
class ProblemMapperTest {
    private static final String BASE = "https://consent-gateway.io/problems/";
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void invalidInputIs400ListingEveryField() {
        Response response = mapper.toResponse(new InvalidInput(List.of(
                new FieldError("accounts[0]", "IBAN check digits are wrong"), new FieldError("language", "unknown language"))));

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(problem.type()).isEqualTo(BASE + "invalid-input");
        assertThat(problem.errors()).extracting(Problem.FieldProblem::field).containsExactly("accounts[0]", "language");
    }

    @Test
    void a401SaysWhetherTheTokenWasRefusedOrNoneCame() {
        Response refused = ProblemMapper.toResponse(new NotAuthorizedException("Bearer"), true);
        Response none = ProblemMapper.toResponse(new NotAuthorizedException("Bearer"), false);

        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer error=\"invalid_token\"");
        assertThat(((Problem) refused.getEntity()).type()).isEqualTo(BASE + "unauthorized");
        assertThat(refused.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(none.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
        assertThat(ProblemMapper.toResponse(new ForbiddenException(), true).getHeaders())
                .as("only a 401 challenges").doesNotContainKey(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void aThousandBadFieldsAreListedFiftyAtMostAndTheDetailSaysHowManyThereWere() {
        List<FieldError> errors = java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> new FieldError("accounts[" + i + "]", "is not an IBAN")).toList();

        Problem problem = (Problem) mapper.toResponse(new InvalidInput(errors)).getEntity();

        assertThat(problem.errors()).hasSize(50);
        assertThat(problem.detail()).contains("50 of 1000");
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenTheRuntimeWrappedIt() {
        Response direct = mapper.toResponse(new io.consentgateway.adapter.in.rest.security.RequestSizeLimit.PayloadTooLarge(65536));
        Response wrapped = mapper.toResponse(new jakarta.ws.rs.ProcessingException(
                new io.consentgateway.adapter.in.rest.security.RequestSizeLimit.PayloadTooLarge(65536)));

        assertThat(direct.getStatus()).isEqualTo(413);
        assertThat(wrapped.getStatus()).isEqualTo(413);
        assertThat(((Problem) wrapped.getEntity()).type()).isEqualTo(BASE + "payload-too-large");
    }

    @Test
    void notFoundIs404() {
        assertThat(problem(new NotFound("consent"))).satisfies(p -> {
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.type()).isEqualTo(BASE + "not-found");
        });
    }

    @Test
    void aConsentThatCannotBeReadIs409WithItsStatusAndNextAction() {
        Problem p = problem(new ConsentNotUsable(ConsentStatus.EXPIRED, NextAction.CONNECT_AGAIN));

        assertThat(p.status()).isEqualTo(409);
        assertThat(p.type()).isEqualTo(BASE + "consent-not-usable");
        assertThat(p.consentStatus()).isEqualTo("EXPIRED");
        assertThat(p.nextAction()).isEqualTo("CONNECT_AGAIN");
    }

    @Test
    void theGatewaysDatabaseOutOfReachIs503WithRetryAfterAndSaysNothingWasStored() {
        Response response = mapper.toResponse(new GatewayUnavailable("database out of reach", Duration.ofMillis(4_200)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.type()).isEqualTo(BASE + "service-unavailable");
        assertThat(problem.detail()).contains("Nothing this request would have changed was stored");
    }

    @Test
    void aProviderDownIs503WithRetryAfter() {
        Response response = mapper.toResponse(new ProviderDown("busy", Optional.of(Duration.ofSeconds(30))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo(BASE + "provider-unavailable");
    }

    @Test
    void aProviderRefusalIs422WithWhatItRefusedByTheRequestsFieldNames() {
        Problem p = problem(new ProviderRefused("bad", List.of(new FieldError("syncPeriod", "too long"))));

        assertThat(p.status()).isEqualTo(422);
        assertThat(p.errors()).containsExactly(new Problem.FieldProblem("syncPeriod", "too long"));
    }

    @Test
    void wrongKindConcurrentUpdateAndForgedCallbackAreClientErrors() {
        assertThat(problem(new WrongConsentKind("an income report", ConsentKind.ONGOING_ACCESS)).status()).isEqualTo(409);
        assertThat(problem(new ChangedMeanwhile("x")).type()).isEqualTo(BASE + "concurrent-update");
        assertThat(problem(new InvalidCallback("state names no flow"))).satisfies(p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.detail()).doesNotContain("state names no flow");
        });
    }

    @Test
    void malformedJsonIs400() {
        assertThat(problem(new JsonbException("Unexpected char 39 at (line no=1, column no=2, offset=1)")))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.type()).isEqualTo(BASE + "malformed-request");
                    assertThat(p.detail()).doesNotContain("Unexpected char");
                });
    }

    @Test
    void jaxRsErrorsKeepTheirStatusAsProblems() {
        assertThat(problem(new NotFoundException()).status()).isEqualTo(404);
        assertThat(problem(new NotAllowedException("GET")).type()).isEqualTo(BASE + "method-not-allowed");
    }

    @Test
    void tooManyWaitingFlowsIs429SayingHowManyAndWhenAPlaceFreesUp() {
        Response response = mapper.toResponse(new TooManyWaitingFlows(20, Duration.ofMinutes(50).plusMillis(1)));
        Problem p = (Problem) response.getEntity();

        assertThat(p.status()).isEqualTo(429);
        assertThat(p.type()).isEqualTo(BASE + "too-many-flows");
        assertThat(p.detail()).contains("At most 20 flows").contains("nothing was started");
        assertThat(p.retryAfterSeconds()).isEqualTo(3001L);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("3001");
    }

    @Test
    void anIllegalArgumentFromInsideIsOurFaultNotTheCallers() {
        Problem p = problem(new IllegalArgumentException("widget URL must be absolute"));

        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).doesNotContain("widget URL");
    }

    @Test
    void anUnexpectedErrorIs500WithAnErrorIdAndNoInternals() {
        Problem p = problem(new IllegalStateException("secret-ish internal detail at com.example.Foo"));

        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).contains("logged with id").doesNotContain("internal detail").doesNotContain("Foo");
    }

    @Test
    void theLoggedStackTraceKeepsTypesAndFramesButNoSecretAnExceptionQuoted() {
        String code = "HmWqaObcQJCPZ8YiwTaWWzZX1g1aTmWgtO4FaZQxu4Q";
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlcmlrYSJ9.c2lnbmF0dXJl";
        IllegalStateException failure = new IllegalStateException("wrapping",
                new IllegalArgumentException("Malformed escape pair at index 60: http://gw.example/callback?state=s1&code="
                        + code + "&x=%ZZ"));
        failure.addSuppressed(new RuntimeException("header was Bearer " + jwt + ", refresh_token=" + code));
        List<LogRecord> records = new ArrayList<>();
        Logger log = Logger.getLogger(ProblemMapper.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            problem(failure);
        } finally {
            log.removeHandler(capture);
        }

        assertThat(records).hasSize(1);
        StringWriter printed = new StringWriter();
        records.get(0).getThrown().printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString())
                .doesNotContain(code).doesNotContain(jwt).doesNotContain("s1")
                .contains("java.lang.IllegalStateException: wrapping")
                .contains("Caused by: java.lang.IllegalArgumentException: Malformed escape pair at index 60: http://gw.example/callback?…")
                .contains("Suppressed: java.lang.RuntimeException: header was Bearer ***, refresh_token=***")
                .contains("at " + ProblemMapperTest.class.getName() + ".theLoggedStackTraceKeepsTypesAndFramesButNoSecret");
    }

    private Problem problem(Throwable e) {
        return (Problem) mapper.toResponse(e).getEntity();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpSoAClientNeverComesBackTooSoon() {
        assertThat(ProblemMapper.retryAfterSeconds(java.time.Duration.ofMillis(1_900))).isEqualTo(2);
        assertThat(ProblemMapper.retryAfterSeconds(java.time.Duration.ofSeconds(30))).isEqualTo(30);
        assertThat(ProblemMapper.retryAfterSeconds(java.time.Duration.ofMillis(200))).isEqualTo(1);
        assertThat(ProblemMapper.retryAfterSeconds(java.time.Duration.ZERO)).isEqualTo(1);
    }
}
