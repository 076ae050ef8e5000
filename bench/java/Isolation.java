import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checks of bench/isolation.sh against one gateway and a sandbox in a server of its own (JDK only):
 * <ol>
 *   <li>the user's consent list alone (4 connections): the baseline;</li>
 *   <li>nrich's accounts made 2 s slow, 64 connections reading one consent's accounts while 4 list the consents: the
 *       list keeps its p99 under 100 ms, the slow reads complete at about 64 per 2 s (the consent's one sync in flight
 *       serves every read that waits on it);</li>
 *   <li>nrich answering 503 to every accounts read for a minute: the gateway answers from its store (200, the data as
 *       last synced, never a 500), /health/live stays UP, the circuit opens (the sandbox sees far fewer calls than the
 *       gateway answers), and once the provider is back, reads sync again (their {@code Last-Modified} moves on);</li>
 *   <li>answers lost after processing (502 after the sandbox did the work) for 20 s: answered from the store (or 503),
 *       never a 500, then synced again.</li>
 * </ol>
 * The gateway runs with {@code cg.sync.max-age=PT0S} here (bench/isolation.sh), so every read syncs with the provider:
 * what is measured is the provider path, not the store. One consent's reads share one sync at a time (single flight).
 * Closed-loop load from the JDK's HTTP client, one thread per connection. Prints the figures; exits 1 when a check fails.
 */
public class Isolation extends Bench {
    static final String ACCOUNTS = "GET /rest/accounts";

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String gateway = args[1];
        int seconds = Integer.parseInt(args[2]);
        int outageSeconds = Integer.parseInt(args[3]);
        String token = userToken(sandbox, "isolation-" + UUID.randomUUID());
        check("COMPLETED".equals(connect(gateway, token)), "a consent connected");
        String consent = field(get(gateway + "/api/v1/consents", token).body(), "id");
        String list = gateway + "/api/v1/consents";
        String accounts = gateway + "/api/v1/consents/" + consent + "/accounts";
        delete(sandbox + "/sandbox/control/faults");

        Load warmUp = new Load(accounts, token, 8);
        warmUp.runFor(Math.min(10, seconds));
        Load alone = new Load(list, token, 4);
        alone.runFor(seconds);
        System.out.println("the consent list alone (4 connections, " + seconds + " s): " + alone);

        fault(sandbox, "{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"latencyMs\":2000,\"rate\":1.0}");
        Load slow = new Load(accounts, token, 64);
        Load during = new Load(list, token, 4);
        Liveness live = new Liveness(gateway);
        slow.start();
        Thread.sleep(3000); // the slow reads fill the bulkhead first
        during.runFor(seconds);
        slow.stop();
        live.stop();
        delete(sandbox + "/sandbox/control/faults");
        System.out.println("while 64 connections read accounts from a 2 s provider:");
        System.out.println("  the consent list (4 connections): " + during);
        System.out.println("  the slow reads: " + slow);
        System.out.println("  /health/live: " + live);
        check(during.ok() > 0 && during.latencies.percentile(99) < 100, "the consent list keeps its p99 under 100 ms");
        check(during.others() == 0, "the consent list answers only 200");
        check(slow.okPerSecond() >= 15, "the slow reads complete at about 64 per 2 s: one sync in flight serves every read waiting on it");
        check(live.allUp(), "/health/live UP throughout");

        // A minute of 503s: the circuit opens, the gateway answers problems, and it recovers afterwards.
        long callsBefore = count(sandbox, ACCOUNTS);
        fault(sandbox, "{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":503,\"rate\":1.0}");
        Load outage = new Load(accounts, token, 8);
        live = new Liveness(gateway);
        outage.runFor(outageSeconds);
        live.stop();
        long calls = count(sandbox, ACCOUNTS) - callsBefore;
        delete(sandbox + "/sandbox/control/faults");
        long recovered = untilOk(accounts, token, 90);
        System.out.printf("a provider answering 503 for %d s, 8 connections reading: %s; the provider saw %d calls;"
                + " /health/live: %s; /health/ready: %s; a read succeeded again %d s after the provider came back%n",
                outageSeconds, outage, calls, live, live.readiness, recovered);
        check(outage.statuses.keySet().equals(Set.of(200)), "during the outage: answered from the store, never a 500 or a 503");
        check(calls < outage.total(), "the circuit opened: the provider saw fewer calls than the gateway answered");
        check(live.allUp(), "/health/live UP throughout the outage");
        check(recovered >= 0, "reads sync again once the provider is back (the circuit closed)");

        // Answers lost after the provider did the work.
        fault(sandbox, "{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":502,\"rate\":1.0,\"afterProcessing\":true}");
        Load lost = new Load(accounts, token, 8);
        live = new Liveness(gateway);
        lost.runFor(20);
        live.stop();
        delete(sandbox + "/sandbox/control/faults");
        recovered = untilOk(accounts, token, 90);
        System.out.printf("answers lost after processing for 20 s: %s; /health/live: %s; a read succeeded again %d s after%n",
                lost, live, recovered);
        check(lost.statuses.keySet().stream().allMatch(s -> s == 503 || s == 200), "answers lost: the store or 503, never a 500");
        check(live.allUp() && recovered >= 0, "answers lost: live throughout, reads sync again");
        finish();
    }

    static void fault(String sandbox, String rule) throws Exception {
        int status = post(sandbox + "/sandbox/control/faults", rule, "application/json", null).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("the sandbox refused the fault " + rule + ": " + status);
        }
    }

    /** Seconds until a read answers 200, or -1. */
    /**
     * Seconds until a read answers 200 with data synced after this call began ({@code Last-Modified}, whole seconds), or
     * -1 after the limit: the store answers all along, so only a fresh sync shows the provider reached again.
     */
    static long untilOk(String url, String token, int limitSeconds) throws Exception {
        long started = System.nanoTime();
        java.time.Instant since = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        while (seconds(started) < limitSeconds) {
            HttpResponse<String> read = get(url, token);
            boolean fresh = read.headers().firstValue("Last-Modified")
                    .map(at -> java.time.ZonedDateTime.parse(at, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .map(at -> !at.isBefore(since)).orElse(false);
            if (read.statusCode() == 200 && fresh) {
                return Math.round(seconds(started));
            }
            Thread.sleep(1000);
        }
        return -1;
    }

    /** Closed loop: each connection sends its next request when the last one is answered. */
    static final class Load {
        final String url;
        final String token;
        final int connections;
        final Latencies latencies = new Latencies();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean();
        ExecutorService pool;
        long started;
        double elapsed;

        Load(String url, String token, int connections) {
            this.url = url;
            this.token = token;
            this.connections = connections;
        }

        void start() {
            running.set(true);
            started = System.nanoTime();
            pool = Executors.newFixedThreadPool(connections);
            for (int i = 0; i < connections; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        long t = System.nanoTime();
                        int status;
                        try {
                            status = get(url, token).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        if (running.get()) {
                            latencies.add((System.nanoTime() - t) / 1_000_000);
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            elapsed = seconds(started);
            pool.shutdown();
            pool.awaitTermination(70, TimeUnit.SECONDS);
        }

        void runFor(int seconds) throws InterruptedException {
            start();
            Thread.sleep(seconds * 1000L);
            stop();
        }

        long total() {
            return statuses.values().stream().mapToLong(AtomicLong::get).sum();
        }

        long ok() {
            AtomicLong ok = statuses.get(200);
            return ok == null ? 0 : ok.get();
        }

        long others() {
            return total() - ok();
        }

        double okPerSecond() {
            return ok() / elapsed;
        }

        @Override
        public String toString() {
            return String.format("%.1f req/s, p50 %d ms, p99 %d ms, answers %s", total() / elapsed,
                    latencies.percentile(50), latencies.percentile(99), new TreeMap<>(statuses));
        }
    }

    /** Polls /health/live and /health/ready twice a second until stopped. */
    static final class Liveness {
        final Map<Integer, AtomicLong> live = new ConcurrentHashMap<>();
        final Map<Integer, AtomicLong> readiness = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread poller;

        Liveness(String gateway) {
            poller = new Thread(() -> {
                while (running.get()) {
                    record(live, gateway + "/health/live");
                    record(readiness, gateway + "/health/ready");
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            poller.start();
        }

        private static void record(Map<Integer, AtomicLong> into, String url) {
            int status;
            try {
                status = get(url, null).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            into.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }

        void stop() throws InterruptedException {
            running.set(false);
            poller.join();
        }

        boolean allUp() {
            return !live.isEmpty() && live.keySet().equals(Set.of(200));
        }

        @Override
        public String toString() {
            return new TreeMap<>(live).toString();
        }
    }
}
