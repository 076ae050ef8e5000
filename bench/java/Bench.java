import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bench/ checks share (JDK only): HTTP against the gateway and the sandbox, one user journey, the sandbox's
 * counters, psql, running tasks at once, and recording checks. bench/lib.sh compiles bench/java/ and runs a check.
 */
abstract class Bench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> failures = new ArrayList<>();

    /** A signed-in user of the fintech's front end: a token from the sandbox's identity provider. */
    static String userToken(String sandbox, String user) throws Exception {
        return field(post(sandbox + "/sandbox/idp/token", "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", null).body(), "access_token");
    }

    /** One user journey: start at the node, approve in the sandbox's widget, come back to the node's callback. */
    static String connect(String node, String token) throws Exception {
        HttpResponse<String> flow = post(node + "/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"language\":\"en\"}",
                "application/json", token);
        String callback = approve(field(flow.body(), "widgetUrl"));
        for (int attempt = 0; attempt < 30; attempt++) {
            HttpResponse<String> back = get(callback, null);
            if (back.statusCode() == 303) {
                Matcher outcome = Pattern.compile("outcome=([A-Z_]+)").matcher(back.headers().firstValue("Location").orElse(""));
                return outcome.find() ? outcome.group(1) : "?";
            }
            if (back.statusCode() != 503) {
                return "HTTP " + back.statusCode();
            }
            Thread.sleep(2000);
        }
        return "gave up";
    }

    /** The user approves in the sandbox's widget; answers the callback address the browser is sent to. */
    static String approve(String widget) throws Exception {
        Matcher bank = Pattern.compile("name=\"bank\"[^>]*value=\"([^\"]+)\"").matcher(get(widget, null).body());
        String form = "action=approve" + (bank.find() ? "&bank=" + URLEncoder.encode(bank.group(1), StandardCharsets.UTF_8) : "");
        return post(widget, form, "application/x-www-form-urlencoded", null).headers().firstValue("Location").orElseThrow();
    }

    /** How often the sandbox's nrich answered a route ("POST /auth/token refresh_token", "GET /rest/accounts"). */
    static long count(String sandbox, String route) throws Exception {
        String stats = get(sandbox + "/sandbox/control/stats", null).body();
        String nrich = stats.substring(Math.max(0, stats.indexOf("\"nrich\":")));
        Matcher m = Pattern.compile(Pattern.quote("\"" + route + "\":") + "(\\d+)").matcher(nrich);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static String psql(String url, String sql) throws Exception {
        Process p = new ProcessBuilder("psql", url, "-qAtc", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        return out;
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String body, String type, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Runs the tasks on this many threads, all released at once; a task that throws answers its exception's name. */
    static List<String> all(List<Callable<String>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> running = new ArrayList<>();
            for (Callable<String> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : running) {
                results.add(f.get(30, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Latencies of finished requests (in the caller's unit), for percentiles. */
    static final class Latencies {
        private long[] millis = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
            }
            millis[size++] = value;
        }

        synchronized int size() {
            return size;
        }

        synchronized long percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(millis, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(p / 100 * size) - 1)];
        }
    }

    static void check(boolean holds, String what) {
        System.out.println((holds ? "  ok    " : "  FAIL  ") + what);
        if (!holds) {
            failures.add(what);
        }
    }

    static void finish() {
        System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
