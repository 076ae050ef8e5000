import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of bench/two-nodes.sh against two gateway nodes on one PostgreSQL and one sandbox (JDK only, no build):
 * <ol>
 *   <li>N consents connected through both nodes, then all made due at once (their refresh tokens made older than the
 *       renewal age); both schedulers sweep them: every consent refreshed exactly once (sandbox counters), none lost,
 *       none REAUTH_REQUIRED, both nodes did work;</li>
 *   <li>50 concurrent reads of one consent, split over both nodes, with its access token expired: one refresh, 50 reads;</li>
 *   <li>the same with only the sandbox's clock moved, so the gateway learns it from a 401: one refresh, 50 reads.</li>
 * </ol>
 * Prints the figures; exits 1 when a check fails.
 */
public class TwoNodes extends Bench {
    static final String REFRESH = "POST /auth/token refresh_token";

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String[] nodes = {args[1], args[2]};
        int n = Integer.parseInt(args[3]);
        Path[] logs = {Path.of(args[4]), Path.of(args[5])};
        String pg = args[6];
        String token = userToken(sandbox, "bench-" + UUID.randomUUID());

        // 1. N consents, then the sweep.
        long started = System.nanoTime();
        List<Callable<String>> connects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String node = nodes[i % 2];
            connects.add(() -> connect(node, token));
        }
        List<String> outcomes = all(connects, 16);
        long connected = outcomes.stream().filter("COMPLETED"::equals).count();
        System.out.printf("connected %d of %d consents through both nodes in %.1f s%n", connected, n, seconds(started));
        outcomes.stream().filter(o -> !"COMPLETED".equals(o)).distinct().limit(5)
                .forEach(o -> System.out.println("  not completed: " + o));
        check(connected == n, "every flow completed");
        // Each completed flow's first sync (its history, on the nodes' bounded data-sync executors) refreshes an access token
        // that expired while it queued: let them finish, so the refreshes counted below are the sweep's and the reads'.
        long firstSyncs = untilFirstSyncsDone(pg, 180);
        System.out.printf("first syncs of the %d consents done %d s later%n", n, firstSyncs);
        check(firstSyncs >= 0, "every consent's first sync stored");
        if (connected == 0) {
            System.out.println("FAILED: nothing connected");
            System.exit(1);
        }
        // All fall due at once: their refresh tokens are made older than the renewal age (30 days). A first sync may have
        // refreshed an access token already: last_refreshed_at is cleared, so only the sweep's refreshes are counted.
        // Each refresh answered 200 ms late, as a real provider's would be: without it the idle sandbox answers so fast that
        // the first node to tick sweeps everything before the other one's next tick, and the split proves nothing.
        post(sandbox + "/sandbox/control/faults", "{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"latencyMs\":200,"
                + "\"rate\":1.0}", "application/json", null);
        long refreshesBefore = count(sandbox, REFRESH);
        psql(pg, "UPDATE consents SET refresh_issued_at = now() - interval '31 days', next_check_at = now(),"
                + " last_refreshed_at = NULL");
        long sweepStarted = System.nanoTime();
        long refreshed = 0;
        while (seconds(sweepStarted) < 600) {
            refreshed = Long.parseLong(psql(pg, "SELECT count(*) FROM consents WHERE last_refreshed_at IS NOT NULL"));
            if (refreshed >= n) {
                break;
            }
            Thread.sleep(2000);
        }
        delete(sandbox + "/sandbox/control/faults");
        long refreshCalls = count(sandbox, REFRESH) - refreshesBefore;
        String statuses = psql(pg, "SELECT string_agg(status || '=' || c, ',') FROM (SELECT status, count(*) c FROM consents GROUP BY status) s");
        long[] perNode = {refreshedBy(logs[0]), refreshedBy(logs[1])};
        String sweepSeconds = psql(pg, "SELECT round(extract(epoch FROM max(last_refreshed_at) - min(last_refreshed_at))::numeric, 1)"
                + " FROM consents");
        System.out.printf("sweep: %d consents refreshed, %d refresh calls at the provider, first to last refresh %s s;"
                + " statuses %s; node a refreshed %d, node b %d%n", refreshed, refreshCalls, sweepSeconds, statuses,
                perNode[0], perNode[1]);
        check(refreshed == n, "every consent refreshed");
        check(refreshCalls == n, "exactly one refresh per consent");
        check(statuses.equals("ACTIVE=" + n), "every consent still ACTIVE");
        check(perNode[0] > 0 && perNode[1] > 0 && perNode[0] + perNode[1] == n, "both nodes did part of the work, nothing twice");

        // 2. One consent, its access token expired (40 s at the sandbox), 50 concurrent reads over both nodes.
        String consent = psql(pg, "SELECT id FROM consents ORDER BY granted_at LIMIT 1");
        // Its access token, issued at the sweep's refresh, expires 40 s later: wait until then, not longer.
        Thread.sleep(Long.parseLong(psql(pg, "SELECT greatest(0, ceil(extract(epoch FROM last_refreshed_at"
                + " + interval '41 seconds' - now()) * 1000))::bigint FROM consents WHERE id = '" + consent + "'")));
        concurrentReads(pg, sandbox, nodes, token, consent, "access token expired");

        // 3. The same, but only the sandbox knows: its clock moves on by two minutes; the gateway learns it from a 401.
        post(sandbox + "/sandbox/control/clock", "{\"advanceSeconds\":120}", "application/json", null);
        concurrentReads(pg, sandbox, nodes, token, consent, "sandbox clock moved");

        finish();
    }

    /** Seconds until every consent has its data synced, or -1 after the limit. */
    static long untilFirstSyncsDone(String pg, int limitSeconds) throws Exception {
        long started = System.nanoTime();
        String pending = "SELECT count(*) FROM consents c LEFT JOIN consent_data d ON d.consent_id = c.id WHERE d.synced_at IS NULL";
        while ((System.nanoTime() - started) / 1_000_000_000 < limitSeconds) {
            if (psql(pg, pending).equals("0")) {
                return (System.nanoTime() - started) / 1_000_000_000;
            }
            Thread.sleep(1000);
        }
        return -1;
    }

    static void concurrentReads(String pg, String sandbox, String[] nodes, String token, String consent, String what)
            throws Exception {
        // The reads are served from the gateway's store while its data is younger than cg.sync.max-age: make it older, so
        // they sync with the provider (one sync, single flight across the nodes), and the sync needs the refresh.
        psql(pg, "UPDATE consent_data SET synced_at = synced_at - interval '1 hour' WHERE consent_id = '" + consent + "'");
        long before = count(sandbox, REFRESH);
        List<Callable<String>> reads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String node = nodes[i % 2];
            reads.add(() -> String.valueOf(get(node + "/api/v1/consents/" + consent + "/accounts", token).statusCode()));
        }
        List<String> statuses = all(reads, 50);
        long ok = statuses.stream().filter("200"::equals).count();
        long refreshes = count(sandbox, REFRESH) - before;
        System.out.printf("50 concurrent reads over both nodes (%s): %d answered 200, %d refresh call(s)%n", what, ok, refreshes);
        check(ok == 50, what + ": 50 successful reads");
        check(refreshes == 1, what + ": exactly one refresh");
    }

    /** The refreshes a node's scheduler reports in its log (KeepAliveReport[... refreshed=N ...]). */
    static long refreshedBy(Path log) throws IOException {
        Matcher m = Pattern.compile("Keep-alive: KeepAliveReport\\[claimed=\\d+, refreshed=(\\d+)").matcher(Files.readString(log));
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }
}
