package io.consentgateway.it;

import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzed input, 1,000 tries per property, against the WAR on its server: callback query parameters, flow requests,
 * transaction queries, renewal bodies and path ids. Never a 5xx; what is refused changes nothing and reaches no
 * provider; what is accepted was valid.
 */
class FuzzIT {
    private static final int TRIES = 1000;
    private static final Set<String> KINDS = Set.of("ONGOING_ACCESS", "ONE_TIME_ACCESS", "INCOME_REPORT");

    private static Journey journey;
    private static String consentId;
    private static String waitingFlowId;
    private static Sandbox.Stats before;
    /** Requests the gateway accepted that may rightly have reached a provider (a started flow, a renewal). */
    private static final AtomicLong accepted = new AtomicLong();

    @BeforeContainer
    static void connect() {
        journey = Journey.newUser("fuzz");
        consentId = journey.connect("ONGOING_ACCESS").consentId();
        waitingFlowId = journey.start("ONGOING_ACCESS").id();
        before = Sandbox.stats();
    }

    @AfterContainer
    static void nothingRefusedReachedAProviderOrChangedAFlow() {
        assertThat(before.postsButRefreshes(Sandbox.stats()))
                .as("provider calls caused by the fuzzing: only by what the gateway accepted").isEqualTo(accepted.get());
        assertThat(journey.flowStatus(waitingFlowId)).as("no fuzzed callback touched a real flow").isEqualTo("AWAITING_USER");
    }

    // ---- the callback ----

    @Property(tries = TRIES)
    void aCallbackOfAnyShapeIsRefusedCleanly(@ForAll("callbackQueries") Map<String, String> query,
                                            @ForAll("callbackPaths") String path) {
        // Sent as is (not through GatewayClient's token scan): the server's own page for a malformed URI names "code".
        Http.Response response = Http.send(Http.request(path + "?" + Http.form(query)).GET().build());

        assertThat(response.status()).as(response.describe()).isIn(400, 404);
        assertProblemOrNothing(response);
    }

    @Provide
    Arbitrary<Map<String, String>> callbackQueries() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("state", "code", "success", "abort", "cancel", "flow_id", "error", "error_description"),
                anyText(20));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("true", "false", "", "access_denied", "TRUE"),
                waitingFlowIdOrNone(),
                anyText(300),
                Arbitraries.strings().alpha().numeric().withChars("-_").ofMinLength(20).ofMaxLength(64));
        return Arbitraries.maps(names, values).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> callbackPaths() {
        return Arbitraries.oneOf(Arbitraries.of("/callback", "/callback/nrich", "/callback/tatrabanka"),
                anyText(30).map(segment -> "/callback/" + Http.encode(segment).replace("+", "%20")));
    }

    // ---- starting a flow ----

    @Property(tries = TRIES)
    void aFlowRequestOfAnyShapeIsAcceptedOnlyWhenValid(@ForAll("flowRequests") String body) {
        // A user of its own each time: a started flow waits for its user, and only so many may (cg.flows.max-waiting-per-user).
        Journey user = Journey.newUser("fuzz-start");
        Http.Response response = user.client().post("/api/v1/flows", body);

        assertThat(response.status()).as(body + " -> " + response.describe()).isIn(201, 400, 409, 422);
        if (response.status() == 201) {
            String flowId = response.json().getString("flowId");
            var flow = user.flow(flowId);
            assertThat(KINDS).contains(flow.getString("kind"));
            if ("nrich".equals(flow.getString("provider"))) {
                accepted.incrementAndGet(); // nrich was asked to start it
            }
        }
        assertProblemOrNothing(response);
    }

    @Provide
    Arbitrary<String> flowRequests() {
        Arbitrary<Object> kind = Arbitraries.oneOf(Arbitraries.of("ONGOING_ACCESS", "one-time-access", "INCOME_REPORT"),
                anyValue());
        Arbitrary<Object> provider = Arbitraries.oneOf(Arbitraries.of("nrich", "tatrabanka", "NRICH", ""), anyValue());
        Arbitrary<Object> language = Arbitraries.oneOf(Arbitraries.of("en", "de", "xx", "EN"), anyValue());
        Arbitrary<Object> accounts = Arbitraries.oneOf(
                Arbitraries.of("DE89370400440532013000", "DE89370400440532013001", "GB82WEST12345698765432", "4711")
                        .list().ofMaxSize(3).map(list -> (Object) list),
                anyValue());
        Arbitrary<Object> syncPeriod = Arbitraries.oneOf(Arbitraries.integers().between(-5, 800).map(i -> (Object) i), anyValue());
        Arbitrary<Object> returnTo = Arbitraries.oneOf(Arbitraries.of(
                Http.BASE + "/", Http.BASE + "/done", "//evil.example/", "\\\\evil.example", "javascript:alert(1)",
                "http:/evil.example", "http://user@evil.example/", Http.BASE.replace("localhost", "localhost.evil.example") + "/",
                "http://%6c%6fcalhost/", "http://xn--lcalhost-l4a/"), anyValue());
        Arbitrary<Object> completion = Arbitraries.oneOf(Arbitraries.of("CONFIRM", "redirect", "later"), anyValue());
        Arbitrary<Object> options = Arbitraries.oneOf(Arbitraries.maps(Arbitraries.of("trackingId", "saveSecrets",
                "accountTypes", "providerId", "nonsense"), anyValue()).ofMaxSize(3).map(m -> (Object) m), anyValue());
        return Combinators.combine(List.of(optional(kind), optional(provider), optional(language), optional(accounts),
                optional(syncPeriod), optional(returnTo), optional(completion), optional(options))).as(values -> {
            JsonObjectBuilder json = Json.createObjectBuilder();
            String[] names = {"kind", "provider", "language", "accounts", "syncPeriod", "returnTo", "completion",
                              "providerOptions"};
            for (int i = 0; i < names.length; i++) {
                if (values.get(i) != ABSENT) {
                    add(json, names[i], values.get(i));
                }
            }
            return json.build().toString();
        });
    }

    // ---- reading transactions ----

    @Property(tries = TRIES)
    void aTransactionQueryOfAnyShapeAnswersDataOrNamesWhatIsWrong(@ForAll("transactionQueries") Map<String, String> query) {
        Http.Response response = journey.client().get("/api/v1/consents/" + consentId + "/transactions?" + Http.form(query));

        assertThat(response.status()).as(query + " -> " + response.describe()).isIn(200, 400);
        assertProblemOrNothing(response);
    }

    @Provide
    Arbitrary<Map<String, String>> transactionQueries() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("limit", "cursor", "account", "from", "to", "since"),
                anyText(10));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.integers().between(-10, 1000).map(String::valueOf),
                Arbitraries.of("2026-01-01", "2026-13-45", "yesterday", "", "9999999999999999999"),
                anyText(200));
        return Arbitraries.maps(names, values).ofMaxSize(5);
    }

    // ---- renewing ----

    @Property(tries = TRIES)
    void aRenewalBodyOfAnyShapeStartsARenewalOnlyWhenValid(@ForAll("renewalBodies") String body) {
        Http.Response response = journey.client().post("/api/v1/consents/" + consentId + "/renewal", body);

        assertThat(response.status()).as(body + " -> " + response.describe()).isIn(201, 400);
        if (response.status() == 201) {
            accepted.incrementAndGet(); // nrich's /ongoing/sync
            // The user cancels it in the widget, so that renewals never pile up waiting (cg.flows.max-waiting-per-user).
            assertThat(Journey.callback(Journey.cancel(response.json().getString("widgetUrl"))).outcome()).isEqualTo("CANCELLED");
        }
        assertProblemOrNothing(response);
    }

    @Provide
    Arbitrary<String> renewalBodies() {
        Arbitrary<String> wellFormed = Combinators.combine(
                optional(Arbitraries.oneOf(Arbitraries.of("en", "fr", "zz"), anyValue())),
                optional(Arbitraries.oneOf(Arbitraries.of(Http.BASE + "/", "https://evil.example/"), anyValue())),
                optional(Arbitraries.oneOf(Arbitraries.of("CONFIRM", "REDIRECT"), anyValue()))).as((language, returnTo, completion) -> {
            JsonObjectBuilder json = Json.createObjectBuilder();
            if (language != ABSENT) {
                add(json, "language", language);
            }
            if (returnTo != ABSENT) {
                add(json, "returnTo", returnTo);
            }
            if (completion != ABSENT) {
                add(json, "completion", completion);
            }
            return json.build().toString();
        });
        return Arbitraries.oneOf(wellFormed, anyText(200), Arbitraries.of("", "null", "[]", "{", "{\"language\":}", "42"));
    }

    // ---- ids in paths ----

    @Property(tries = TRIES)
    void anIdOfAnyShapeIsSimplyNotFound(@ForAll("ids") String id, @ForAll("idPaths") String template) {
        String path = template.replace("{id}", Http.encode(id).replace("+", "%20"));
        Http.Response response = template.startsWith("DELETE ")
                ? journey.client().sendUnscanned(Http.request(path.substring("DELETE ".length())).DELETE())
                : journey.client().sendUnscanned(Http.request(path).GET());

        assertThat(response.status()).as(path + " -> " + response.describe()).isIn(400, 404);
        assertProblemOrNothing(response);
    }

    @Provide
    Arbitrary<String> ids() {
        // Never empty: "/api/v1/consents/" is the list, another resource.
        return Arbitraries.oneOf(anyText(60).filter(id -> !id.isEmpty()),
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.of("..", "%2e%2e", "../consents", "0", "-1", "null", "00000000-0000-0000-0000-000000000000"));
    }

    @Provide
    Arbitrary<String> idPaths() {
        return Arbitraries.of("/api/v1/consents/{id}", "/api/v1/consents/{id}/accounts", "/api/v1/consents/{id}/transactions",
                "/api/v1/consents/{id}/income-report", "/api/v1/flows/{id}", "DELETE /api/v1/consents/{id}");
    }

    // ---- helpers ----

    /**
     * A refusal is a problem document — except a URI Liberty cannot decode at all (a NUL or a malformed escape in the
     * path, CR or LF), which its HTTP channel refuses with a one-line answer before any application is chosen. What the web
     * container refuses inside the application (an encoded slash, an overlong UTF-8 escape) is a problem document too
     * (the application's error page). Nothing echoes markup or a stack trace.
     */
    private static void assertProblemOrNothing(Http.Response response) {
        if (response.status() >= 400) {
            // Its one-line page, or {"error_message":...} when the request accepts JSON; the connection closes.
            boolean refusedByTheChannel = response.status() == 400 && response.body().contains("CWWWC0005I:")
                    && response.header("Connection").orElse("").equalsIgnoreCase("close");
            if (!refusedByTheChannel) {
                assertThat(response.header("Content-Type").orElse("")).as(response.describe()).startsWith(Http.PROBLEM_JSON);
                assertThat(response.body()).as(response.describe()).doesNotContain("Exception").doesNotContain("\tat ");
            }
            // Liberty's own page names the URI, HTML-escaped: weak, but no markup comes back.
            assertThat(response.body()).as(response.describe()).doesNotContain("<script>alert").doesNotContain("jndi:")
                    .doesNotContain("\r\nSet-Cookie").doesNotContain("\tat ").doesNotContain("internal classes");
        }
    }

    private static final Object ABSENT = new Object();

    private static Arbitrary<Object> optional(Arbitrary<Object> value) {
        return Arbitraries.oneOf(Arbitraries.just(ABSENT), value);
    }

    private static Arbitrary<String> waitingFlowIdOrNone() {
        return Arbitraries.create(() -> waitingFlowId == null ? "none" : waitingFlowId);
    }

    /** Text of every kind: letters, digits, punctuation, controls (CR, LF, NUL), markup, and beyond the BMP. */
    private static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars("<>\"'&\r\n\t\u0000%/\\;=?#{}[]$").ofMaxLength(maxLength),
                Arbitraries.of("<script>alert(1)</script>", "\r\nSet-Cookie: x=1", "${jndi:ldap://x}", "' OR 1=1 --",
                        "\u202e\u0000", "😀".repeat(3)));
    }

    /** A JSON value of any type. */
    private static Arbitrary<Object> anyValue() {
        return Arbitraries.oneOf(
                anyText(80).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just((Object) null),
                anyText(10).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(anyText(5), anyText(5)).ofMaxSize(2).map(m -> (Object) m));
    }

    @SuppressWarnings("unchecked")
    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof String s) {
            json.add(name, s);
        } else if (value instanceof Integer i) {
            json.add(name, i);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.add(name, String.valueOf(d));
            } else {
                json.add(name, d);
            }
        } else if (value instanceof Boolean b) {
            json.add(name, b);
        } else if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(String.valueOf(item)));
            json.add(name, array);
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            ((Map<String, Object>) map).forEach((k, v) -> add(object, k, v));
            json.add(name, object);
        }
    }
}
