import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash loop of bench/crash-loop.sh (JDK only). Two gateway nodes on one PostgreSQL and a sandbox in a server of its
 * own; both schedulers sweep continuously (refresh tokens are due 20 s after issue), and the sandbox answers every token
 * call late, after it has done the work, so a kill often lands between a rotation and its commit. Each round: users
 * connect (start, widget, callback) and read through the victim node, and at a random moment the victim is killed with
 * kill -9 and started again. After the last round the cluster settles (no journal note, no refresh in doubt, no flow
 * exchanging, no sync lease held), then:
 * <ul>
 *   <li>every consent still usable is read with its access token expired at the sandbox, so each must refresh with
 *       the refresh token the gateway holds: a consent that is ACTIVE but holds a token the sandbox rejects fails;</li>
 *   <li>flows stuck in EXCHANGING are counted;</li>
 *   <li>the sandbox counts codes presented twice;</li>
 *   <li>the webhooks: the sandbox's receiver answers 503 in every other round (so deliveries are pending when the
 *       victim dies); afterwards every event stored must have reached the receiver, none may be given up, every
 *       webhook-id received must name a stored event (an event of a rolled-back change would not), and every consent
 *       and every ended flow must have its event.</li>
 * </ul>
 * Every count must be 0. Prints runs, consents checked and each count; exits 1 when a check fails.
 */
public class CrashLoop extends Bench {
    static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern WEBHOOK_ID = Pattern.compile("\"webhook-id\"\\s*:\\s*\"(evt_[0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String victim = args[1];
        String survivor = args[2];
        int rounds = Integer.parseInt(args[3]);
        String serverScript = args[4];
        String victimServer = args[5];
        Path pidFile = Path.of(args[6]);
        String pg = args[7];
        int initialConsents = Integer.parseInt(args[8]);

        String token = userToken(sandbox, "crash-loop-" + UUID.randomUUID());
        List<java.util.concurrent.Callable<String>> connects = new ArrayList<>();
        for (int i = 0; i < initialConsents; i++) {
            connects.add(() -> connect(survivor, token));
        }
        long connected = all(connects, 8).stream().filter("COMPLETED"::equals).count();
        System.out.printf("connected %d consents through the survivor%n", connected);
        // Every token call (exchange and refresh) is answered 200 ms late, after the provider did the work.
        post(sandbox + "/sandbox/control/faults", "{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"latencyMs\":200,"
                + "\"afterProcessing\":true}", "application/json", null);

        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long pendingAtKills = 0;
        for (int round = 1; round <= rounds; round++) {
            boolean receiverDown = round % 2 == 1;
            if (receiverDown) {
                post(sandbox + "/sandbox/control/webhooks", "{\"status\":503}", "application/json", null);
            } else {
                delete(sandbox + "/sandbox/control/webhooks");
            }
            Load load = new Load(victim, token, pg, outcomes);
            load.start();
            long lifeMillis = 500 + ThreadLocalRandom.current().nextLong(4000);
            Thread.sleep(lifeMillis);
            pendingAtKills += Long.parseLong(psql(pg, "SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING'"));
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
            load.stop();
            start(serverScript, victimServer, victim);
            if (round % 10 == 0 || round == rounds) {
                System.out.printf("round %d: killed after %d ms; %.0f s so far; callbacks %s%n", round, lifeMillis,
                        seconds(started), new TreeMap<>(outcomes));
            }
        }
        double loopSeconds = seconds(started);

        // Settle: abandoned journal notes (1 min), doubts (30 s after), interrupted exchanges (their deadline).
        delete(sandbox + "/sandbox/control/faults");
        delete(sandbox + "/sandbox/control/webhooks");
        long settleStarted = System.nanoTime();
        String unsettled = "";
        while (seconds(settleStarted) < 300) {
            // A sync lease the killed victim held stays until it runs out (cg's sync lease, 2 min); meanwhile the
            // survivor serves that consent's reads from the store without syncing, which the check would count.
            unsettled = psql(pg, "SELECT (SELECT count(*) FROM refresh_journal) || ' ' ||"
                    + " (SELECT count(*) FROM consents WHERE refresh_in_doubt_since IS NOT NULL) || ' ' ||"
                    + " (SELECT count(*) FROM flows WHERE status = 'EXCHANGING') || ' ' ||"
                    + " (SELECT count(*) FROM consent_data WHERE sync_lease_until > now())");
            if (unsettled.equals("0 0 0 0")) {
                break;
            }
            Thread.sleep(2000);
        }
        System.out.printf("settled in %.0f s (journal notes, consents in doubt, flows exchanging, sync leases held: %s)%n",
                seconds(settleStarted), unsettled);

        // The check: every usable consent must refresh with the token it holds.
        List<String> usable = List.of(psql(pg, "SELECT string_agg(id::text, ' ') FROM consents"
                + " WHERE status IN ('ACTIVE', 'EXPIRING_SOON')").split(" "));
        post(sandbox + "/sandbox/control/clock", "{\"advanceSeconds\":120}", "application/json", null);
        // Every read must reach the provider (and so refresh): the stored data is made older than the max age, and only
        // an answer synced now counts. A 503 (a first sync still waiting its turn) is asked again after its Retry-After.
        psql(pg, "UPDATE consent_data SET synced_at = synced_at - interval '1 hour'");
        java.time.Instant checkStarted = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<java.util.concurrent.Callable<String>> reads = new ArrayList<>();
        for (String consent : usable) {
            reads.add(() -> {
                HttpResponse<String> read = get(survivor + "/api/v1/consents/" + consent + "/accounts", token);
                for (int again = 0; again < 10 && read.statusCode() == 503; again++) {
                    Thread.sleep(1000L * Long.parseLong(read.headers().firstValue("Retry-After").orElse("1")));
                    read = get(survivor + "/api/v1/consents/" + consent + "/accounts", token);
                }
                if (read.statusCode() == 200) {
                    boolean synced = read.headers().firstValue("Last-Modified")
                            .map(at -> java.time.ZonedDateTime.parse(at, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
                            .map(at -> !at.toInstant().isBefore(checkStarted)).orElse(false);
                    return synced ? "200" : "200 from the store, not synced";
                }
                Matcher reason = REASON.matcher(get(survivor + "/api/v1/consents/" + consent, token).body());
                return read.statusCode() + (reason.find() ? " " + reason.group(1) : "");
            });
        }
        Map<String, Long> checked = tally(all(reads, 8));
        long rejected = checked.entrySet().stream().filter(e -> !e.getKey().equals("200")).mapToLong(Map.Entry::getValue).sum();

        String consents = psql(pg, "SELECT string_agg(s, ', ' ORDER BY s) FROM (SELECT status ||"
                + " coalesce('/' || reauthorization_reason, '') || '=' || count(*) s FROM consents"
                + " GROUP BY status, reauthorization_reason) t");
        String flows = psql(pg, "SELECT string_agg(s, ', ' ORDER BY s) FROM (SELECT status || coalesce('/' || failure, '')"
                + " || '=' || count(*) s FROM flows GROUP BY status, failure) t");
        long exchanging = Long.parseLong(psql(pg, "SELECT count(*) FROM flows WHERE status = 'EXCHANGING'"));
        long silentlyRefused = Long.parseLong(psql(pg, "SELECT count(*) FROM consents WHERE reauthorization_reason = 'REFRESH_REJECTED'"));
        String reuse = get(sandbox + "/sandbox/control/reuse", null).body();
        long codesTwice = number(reuse, "codes", 0) + number(reuse, "codes", 1);
        long refreshTokensAgain = number(reuse, "refreshTokens", 0) + number(reuse, "refreshTokens", 1);

        System.out.printf("%nruns: %d kill -9 rounds in %.0f s (%.1f s each)%n", rounds, loopSeconds, loopSeconds / rounds);
        System.out.printf("callbacks during the rounds: %s%n", new TreeMap<>(outcomes));
        System.out.printf("consents: %s%n", consents);
        System.out.printf("flows: %s%n", flows);
        System.out.printf("consents checked (usable, read with the access token expired at the sandbox): %d -> %s%n",
                usable.size(), checked);
        System.out.printf("ACTIVE but holding a token the sandbox rejects: %d (at the check) + %d (refused during the run)%n",
                rejected, silentlyRefused);
        System.out.printf("flows stuck in EXCHANGING: %d%n", exchanging);
        System.out.printf("codes exchanged twice: %d%n", codesTwice);
        System.out.printf("rotated refresh tokens presented again (a crash after the rotation; the consent says REFRESH_LOST): %d%n",
                refreshTokensAgain);
        // The webhooks: wait until nothing is pending (the check's reads record no event), then compare.
        long webhooksStarted = System.nanoTime();
        while (seconds(webhooksStarted) < 240
                && !psql(pg, "SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING'").equals("0")) {
            Thread.sleep(1000);
        }
        String deliveries = psql(pg, "SELECT coalesce(string_agg(s, ', ' ORDER BY s), '') FROM (SELECT status || '=' || count(*) s"
                + " FROM webhook_deliveries GROUP BY status) t");
        java.util.Set<String> stored = new java.util.HashSet<>(List.of(psql(pg,
                "SELECT coalesce(string_agg('evt_' || id::text, ' '), '') FROM webhook_events").split(" ")));
        stored.remove("");
        java.util.Set<String> received = new java.util.HashSet<>();
        Matcher id = WEBHOOK_ID.matcher(get(sandbox + "/sandbox/webhooks", null).body());
        while (id.find()) {
            received.add(id.group(1));
        }
        // The receiver keeps its last 10,000 deliveries: past that (the long form), a delivery the receiver answered 204
        // (DELIVERED) is the proof it arrived, and only the ids it still holds are compared.
        boolean receiverFull = received.size() >= 10_000;
        long lost = receiverFull ? 0 : stored.stream().filter(event -> !received.contains(event)).count();
        long invented = received.stream().filter(event -> !stored.contains(event)).count();
        long givenUp = Long.parseLong(psql(pg, "SELECT count(*) FROM webhook_deliveries WHERE status <> 'DELIVERED'"));
        long consentsWithoutEvent = Long.parseLong(psql(pg, "SELECT count(*) FROM consents c WHERE NOT EXISTS"
                + " (SELECT 1 FROM webhook_events e WHERE e.consent_id = c.id AND e.type = 'consent.activated')"));
        long flowsWithoutEvent = Long.parseLong(psql(pg, "SELECT count(*) FROM flows f WHERE status IN"
                + " ('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED') AND NOT EXISTS"
                + " (SELECT 1 FROM webhook_events e WHERE e.flow_id = f.id)"));
        System.out.printf("webhooks: %d events stored, %d distinct received, deliveries %s; %d pending when the victim was"
                + " killed (summed over the rounds)%n", stored.size(), received.size(), deliveries, pendingAtKills);
        System.out.printf("events lost: %d, given up: %d, received but never stored: %d, consents without consent.activated:"
                + " %d, ended flows without their event: %d%n", lost, givenUp, invented, consentsWithoutEvent, flowsWithoutEvent);
        check(rounds > 0 && usable.size() > 0, "rounds ran and consents were checked");
        check(pendingAtKills > 0, "deliveries were pending when the victim was killed");
        check(lost == 0 && givenUp == 0, "every stored event delivered");
        check(invented == 0, "no event delivered that was not stored");
        check(consentsWithoutEvent == 0 && flowsWithoutEvent == 0, "no change without its event");
        check(rejected == 0 && silentlyRefused == 0, "no consent ACTIVE with a token the sandbox rejects");
        check(exchanging == 0, "no flow stuck in EXCHANGING");
        check(codesTwice == 0, "no code exchanged twice");
        finish();
    }

    /** Starts the server and waits until it is ready. */
    static void start(String serverScript, String server, String base) throws Exception {
        Process p = new ProcessBuilder(serverScript, "start", server).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server start hangs: " + out);
        }
        long since = System.nanoTime();
        while (seconds(since) < 120) {
            try {
                if (get(base + "/health/ready", null).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(server + " not ready after a restart: " + out);
    }

    static Map<String, Long> tally(List<String> results) {
        Map<String, Long> tally = new TreeMap<>();
        results.forEach(r -> tally.merge(r, 1L, Long::sum));
        return tally;
    }

    /** The n-th occurrence of "name":number in a JSON text. */
    static long number(String json, String name, int occurrence) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        for (int i = 0; i <= occurrence; i++) {
            if (!m.find()) {
                return 0;
            }
        }
        return Long.parseLong(m.group(1));
    }

    /** What users do at the victim while it lives: 4 connect, 2 read consents they have. */
    static final class Load {
        final String node;
        final String token;
        final String pg;
        final Map<String, AtomicLong> outcomes;
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService pool = Executors.newFixedThreadPool(6);
        final List<String> consents;

        Load(String node, String token, String pg, Map<String, AtomicLong> outcomes) throws Exception {
            this.node = node;
            this.token = token;
            this.pg = pg;
            this.outcomes = outcomes;
            String ids = psql(pg, "SELECT string_agg(id::text, ' ') FROM (SELECT id FROM consents"
                    + " WHERE status IN ('ACTIVE', 'EXPIRING_SOON') ORDER BY random() LIMIT 50) t");
            this.consents = ids.isBlank() ? List.of() : List.of(ids.split(" "));
        }

        void start() {
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        String outcome;
                        try {
                            outcome = connect(node, token);
                        } catch (Exception killed) {
                            outcome = "interrupted";
                        }
                        outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                });
            }
            for (int i = 0; i < 2 && !consents.isEmpty(); i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        try {
                            get(node + "/api/v1/consents/" + consents.get(ThreadLocalRandom.current().nextInt(consents.size()))
                                    + "/accounts", token);
                        } catch (Exception killed) {
                            Thread.sleep(100);
                        }
                    }
                    return null;
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
