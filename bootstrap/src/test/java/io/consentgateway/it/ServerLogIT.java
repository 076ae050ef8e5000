package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normal traffic writes no ERROR to the server log: journeys, public endpoints, anonymous and refused calls, a burst of
 * callbacks, a callback whose query cannot be decoded. (An operator's alerting reads ERROR lines; they must mean
 * something.) And a code sent to the callback never reaches the log.
 */
class ServerLogIT {
    private static final Path LOG = Path.of(System.getProperty("it.server.log", "target/liberty/wlp/usr/servers/it/logs/messages.log"));

    @Test
    void normalTrafficLogsNoError() throws IOException {
        // Only what this traffic logs: other ITs provoke errors on purpose (a provider refusing the gateway is one).
        long start = Files.exists(LOG) ? Files.size(LOG) : 0;
        Journey journey = Journey.newUser("quiet-log");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        journey.accounts(consentId).expect(200);
        for (int i = 0; i < 30; i++) {
            Journey.Flow flow = journey.start("ONGOING_ACCESS");
            Journey.callback(Journey.approve(flow.widgetUrl()));
        }
        Http.get("/").expect(200);
        Http.get("/health/ready");
        GatewayClient.anonymous(Http.request("/api/v1/consents").GET()).expect(401);
        GatewayClient.anonymous(Http.request("/callback?state=forged").GET()).expect(400);
        // A malformed escape, which java.net.URI refuses to build: sent as raw HTTP. Its parser's message quotes the URI.
        String code = "code-that-must-never-be-logged";
        assertThat(rawGet("/callback?state=forged&code=" + code + "&x=%ZZ")).startsWith("HTTP/1.1 400");

        assertThat(Files.exists(LOG)).as("the IT server's log at " + LOG).isTrue();
        byte[] all = Files.readAllBytes(LOG);
        String logged = new String(all, (int) Math.min(start, all.length), (int) Math.max(0, all.length - start),
                StandardCharsets.UTF_8);
        List<String> errors = logged.lines().filter(line -> line.matches("^\\[[^\\]]+\\] \\S+ +\\S+ +E .*")).toList();
        assertThat(errors).as("ERROR lines in " + LOG).isEmpty();
        assertThat(logged).doesNotContain(code);
    }

    /** The status line of a GET sent as written, without a client that would check or re-encode the target. */
    private static String rawGet(String target) throws IOException {
        URI base = URI.create(Http.BASE);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
