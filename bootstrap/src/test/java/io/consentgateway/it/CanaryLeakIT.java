package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canary leak scan. Every token and code the IT server's sandbox issues starts with a recognisable canary
 * ({@code it.canary}). This test goes through every journey and every error path, keeps every answer (body and
 * headers), and then searches them, the server's logs (messages, trace, console, FFDC) and the database's files for
 * the canary, in clear and base64: 0 hits. (The adapters' own PostgreSQL test does the same with {@code pg_dump}.)
 */
class CanaryLeakIT {
    private static final String CANARY = System.getProperty("it.canary", "");
    private final List<Http.Response> answers = new ArrayList<>();

    @Test
    void noTokenOrCodeLeavesTheGatewayAnywhere() throws IOException {
        assertThat(CANARY).as("the build sets it.canary").isNotBlank();
        Journey journey = Journey.newUser("canary");
        GatewayClient user = journey.client();

        // Every journey: all kinds at nrich, the bank, confirmation, reads, paging, an expired access token (refresh),
        // a renewal, a revocation.
        String ongoing = connect(journey, "{\"kind\":\"ONGOING_ACCESS\"}");
        String oneTime = connect(journey, "{\"kind\":\"ONE_TIME_ACCESS\"}");
        String report = connect(journey, "{\"kind\":\"INCOME_REPORT\"}");
        String confirmed = connect(journey, "{\"kind\":\"ONGOING_ACCESS\",\"completion\":\"CONFIRM\"}");
        Journey.Flow bankFlow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");
        answers.add(Journey.callback(BankJourneyIT.decide(bankFlow.widgetUrl(), "approve", user.user())).response());
        for (String consent : List.of(ongoing, oneTime, confirmed)) {
            answers.add(user.get("/api/v1/consents/" + consent + "/accounts").expect(200));
            answers.add(user.get("/api/v1/consents/" + consent + "/transactions?limit=5").expect(200));
        }
        answers.add(user.get("/api/v1/consents/" + report + "/income-report").expect(200));
        answers.add(user.get("/api/v1/consents"));
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":401,\"rate\":1.0}");
        try {
            answers.add(user.get("/api/v1/consents/" + ongoing + "/accounts")); // a refresh, then a refused retry
        } finally {
            Sandbox.clearFaults();
        }
        answers.add(user.post("/api/v1/consents/" + confirmed + "/renewal", "{}"));
        answers.add(user.delete("/api/v1/consents/" + oneTime));

        // Every error path: refused callbacks (a real code under a forged state, a replay, another flow's code), a
        // cancelled flow, provider faults on the exchange and the data, bad input.
        URI approved = Journey.approve(journey.start("ONGOING_ACCESS").widgetUrl());
        Map<String, String> query = Http.query(approved);
        answers.add(GatewayClient.anonymous(Http.request("/callback?" + Http.form(Map.of("state", "forged",
                "code", query.get("code"), "flow_id", query.get("flow_id")))).GET()));
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":500,\"rate\":1.0,\"afterProcessing\":true}");
        try {
            answers.add(Journey.callback(approved).response());
        } finally {
            Sandbox.clearFaults();
        }
        answers.add(GatewayClient.anonymous(Http.request(approved.toString()).GET()));
        answers.add(Journey.callback(Journey.cancel(journey.start("ONE_TIME_ACCESS").widgetUrl())).response());
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/transactions\",\"status\":503,\"rate\":1.0}");
        try {
            answers.add(user.get("/api/v1/consents/" + ongoing + "/transactions"));
        } finally {
            Sandbox.clearFaults();
        }
        answers.add(user.post("/api/v1/flows", "{\"kind\":\"NONE\",\"accounts\":[42]}"));
        answers.add(user.get("/api/v1/consents/" + ongoing + "/transactions?cursor=forged"));
        answers.add(GatewayClient.anonymous(Http.request("/api/v1/consents").GET()));

        List<String> hits = new ArrayList<>();
        List<Path> logs = filesUnder(Path.of(System.getProperty("it.server.logs")));
        List<Path> database = filesUnder(Path.of(System.getProperty("it.database")));
        for (Http.Response answer : answers) {
            String seen = answer.body() + "\n" + answer.raw().headers().map();
            if (leaks(seen)) {
                hits.add("answer of " + answer.call());
            }
        }
        for (Path file : logs) {
            if (leaks(Files.readString(file, StandardCharsets.ISO_8859_1))) {
                hits.add("server log " + file);
            }
        }
        for (Path file : database) {
            if (leaks(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))) {
                hits.add("database file " + file);
            }
        }
        System.out.printf("[canary] %s: %d answers, %d log files (%,d bytes), %d database files (%,d bytes) scanned, %d hits%n",
                CANARY, answers.size(), logs.size(), bytes(logs), database.size(), bytes(database), hits.size());
        assertThat(hits).as("places holding a token or code (canary " + CANARY + ")").isEmpty();
        assertThat(answers).as("answers scanned").hasSizeGreaterThan(20);
    }

    /** Connects through the nrich widget (confirming when asked); answers the consent id. */
    private String connect(Journey journey, String request) {
        Journey.Flow flow = journey.startWith(request);
        Journey.Callback callback = Journey.callback(Journey.approve(flow.widgetUrl()));
        answers.add(callback.response());
        if ("CONFIRMATION_REQUIRED".equals(callback.outcome())) {
            answers.add(journey.confirm(flow.id(), callback.confirmation()).expect(200));
        }
        return journey.consentIdOf(flow.id());
    }

    private static boolean leaks(String text) {
        byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
        return text.contains(CANARY)
                || text.contains(Base64.getEncoder().encodeToString(canary).substring(0, 8))
                || text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(canary).substring(0, 8));
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        assertThat(root).as("scanned directory").exists();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(Files::isRegularFile).toList();
            assertThat(found).as("files under " + root).isNotEmpty();
            return found;
        }
    }
}
