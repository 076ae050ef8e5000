import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance table of bench/run.sh (JDK only; the database's JDBC driver, PostgreSQL's or H2's, on the class path).
 * Every figure is measured beside its floor in the same run: the same read straight at the sandbox, the sandbox's
 * token call plus one PostgreSQL commit. The load is closed-loop: each connection sends its next request when the
 * previous one is answered. The servers are measured warm (a shared warm-up of the reads, a round of callbacks before
 * the measured one), and beside every phase the CPU time each process used per answered request ({@link Cpu}).
 */
public class Perf extends Bench {
    static final String CLIENT = "Basic " + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));
    static final List<String[]> table = new ArrayList<>();
    static final List<String[]> cpuTable = new ArrayList<>();
    /** the gateway's database is an embedded H2 (DB=h2), inside its own process */
    static boolean h2;

    public static void main(String[] args) throws Exception {
        String sandbox = args[0];
        String gateway = args[1];
        Path pidFile = Path.of(args[2]);
        String jdbc = args[3];
        String dbUser = args[4];
        String dbPassword = args[5];
        String floorJdbc = args[6];
        h2 = jdbc.startsWith("jdbc:h2:");
        int seconds = Integer.parseInt(args[7]);
        int sweep = Integer.parseInt(args[8]);
        int fill = Integer.parseInt(args[9]);
        int warmup = Integer.parseInt(args[14]);
        String claimsJdbc = args[10];
        Path migrations = Path.of(args[11]);
        Path adapterClasses = Path.of(args[12]);
        Cpu.gatewayPid = pidFile;
        Cpu.sandboxPid = Path.of(args[13]);
        String user = "perf-" + UUID.randomUUID();
        String token = userToken(sandbox, user);
        String callback = gateway + "/callback";

        // --- reads: accounts and one transactions page, 64 connections over 32 users with a consent each, each beside
        // the same read made directly at the sandbox with 32 access tokens of its own
        List<String> tokens = new ArrayList<>();
        List<Callable<String>> connects = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String own = userToken(sandbox, String.format("%s-%02d", user, i));
            tokens.add(own);
            connects.add(() -> connect(gateway, own));
        }
        List<String> outcomes = all(connects, 8);
        check(outcomes.stream().allMatch("COMPLETED"::equals), "32 consents connected for the reads " + outcomes.stream().distinct().toList());
        List<String> consents = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, dbPassword);
             PreparedStatement ids = db.prepareStatement("SELECT id FROM consents WHERE user_id LIKE ? ORDER BY user_id")) {
            ids.setString(1, user + "-__");
            try (ResultSet rows = ids.executeQuery()) {
                while (rows.next()) {
                    consents.add(rows.getString(1));
                }
            }
        }
        List<String> accessTokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            accessTokens.add(field(exchange(sandbox, directCode(sandbox, callback), callback).body(), "access_token"));
        }
        AtomicLong peakRss = new AtomicLong(rss(pidFile));
        IntFunction<HttpRequest> list = i -> authorized(gateway + "/api/v1/consents", tokens.get(i % 32));
        IntFunction<HttpRequest> accountsVia = i -> authorized(gateway + "/api/v1/consents/" + consents.get(i % 32) + "/accounts", tokens.get(i % 32));
        IntFunction<HttpRequest> accountsDirect = i -> authorized(sandbox + "/sandbox/nrich/rest/accounts", accessTokens.get(i % 32));
        IntFunction<HttpRequest> pageVia = i -> authorized(gateway + "/api/v1/consents/" + consents.get(i % 32) + "/transactions?limit=100", tokens.get(i % 32));
        IntFunction<HttpRequest> pageDirect = i -> authorized(sandbox + "/sandbox/nrich/rest/transactions?count=100&offset=0", accessTokens.get(i % 32));

        // The JVMs (the gateway's, the sandbox's, this one) reach their steady state only after some hundred thousand
        // requests, when the JIT compiler has compiled the hot paths: measured cold, an accounts read costs the gateway
        // ten times the CPU it costs later (docs/performance.md). So one warm-up first, of the gateway's reads, which
        // also warms the sandbox's accounts endpoint. The consents list is measured right after it; the compared reads keep a
        // short warm-up of their own.
        List<IntFunction<HttpRequest>> mix = List.of(list, accountsVia);
        Load warm = Load.timed(64, warmup, i -> mix.get(i % mix.size()).apply(i / mix.size()), null, null);
        System.out.printf("warm-up: %d s, %,d requests (%,.0f/s)%n", warmup, warm.ok.get(), warm.rate());

        Load own = profiled(pidFile, "consents list", () -> Load.timed(64, seconds, list, pidFile, peakRss));
        row("the user's consents (no provider call), 64 connections", own, null);
        Load accounts = compare("accounts read", seconds, accountsVia, accountsDirect, pidFile, peakRss);
        Load page = compare("one transactions page (limit 100)", seconds, pageVia, pageDirect, pidFile, peakRss);

        if ("reads".equals(System.getenv("ONLY"))) {
            printTables();
            finish();
            return;
        }

        // --- the callback at 50 concurrent users, beside the token call plus one commit
        // twice each: the first round warms the code exchange's path in every JVM, the second is measured
        int callbacks = 1000;
        Load back = null;
        Load floor = null;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(20);
        for (int i = 0; i < 20; i++) {
            Connection c = DriverManager.getConnection(floorJdbc, dbUser, dbPassword);
            c.setAutoCommit(false);
            pool.add(c);
        }
        Connection first = pool.peek();
        try (Statement s = first.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id UUID PRIMARY KEY, body VARCHAR(100000) NOT NULL)");
            first.commit();
        }
        for (String round : List.of("warm-up", "measured")) {
            long preparing = System.nanoTime();
            List<String> ready = new ArrayList<>(all(repeat(callbacks, () -> approve(field(post(gateway + "/api/v1/flows",
                    "{\"kind\":\"ONGOING_ACCESS\",\"language\":\"en\"}", "application/json", token).body(), "widgetUrl"))), 8));
            List<String> codes = all(repeat(callbacks, () -> directCode(sandbox, callback)), 8);
            System.out.printf("callbacks, %s: %,d flows and %,d direct codes prepared in %.0f s%n", round, callbacks, callbacks,
                    seconds(preparing));
            Callable<Load> backs = () -> Load.each(50, ready, url -> {
                HttpResponse<String> answer = get(url, null);
                return answer.statusCode() == 303 && answer.headers().firstValue("Location").orElse("").contains("outcome=COMPLETED");
            });
            back = round.equals("measured") ? profiled(pidFile, "callback", backs) : backs.call();
            floor = Load.each(50, codes, code -> {
                HttpResponse<String> pair = exchange(sandbox, code, callback);
                Connection c = pool.take();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_floor VALUES (?, ?)")) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, pair.body() + pair.body()); // about the size of the encrypted pair and its row
                    insert.executeUpdate();
                    c.commit();
                } finally {
                    pool.add(c);
                }
                return pair.statusCode() == 200;
            });
        }
        for (Connection c : pool) {
            c.close();
        }
        row("callback → redirect, 50 users", back, floor);
        check(back.failed.get() == 0 && floor.failed.get() == 0, "every callback completed its flow (" + back.ok + " of " + callbacks
                + "), every direct exchange answered 200" + (back.failed.get() + floor.failed.get() == 0 ? ""
                : " (gateway " + back.failures + ", direct " + floor.failures + ")"));

        // --- the keep-alive sweep: SWEEP real consents due among SWEEP + FILL
        long swept = sweep(gateway, sandbox, userToken(sandbox, user + "-sweep"), user + "-sweep",
                () -> DriverManager.getConnection(jdbc, dbUser, dbPassword), sweep, fill, pidFile);

        // the claim statement is timed as PostgreSQL runs it; on H2 (DB=h2) there is no such row
        Map<Integer, Double> claims = claimsJdbc.equals("-") ? Map.of()
                : claimQuery(claimsJdbc, dbUser, dbPassword, migrations, adapterClasses);

        printTables();
        System.out.printf("%nkeep-alive sweep: %,d due of %,d consents refreshed by one node in %.1f s: %,.0f refreshes/s%n",
                sweep, sweep + fill, swept / 1000.0, sweep * 1000.0 / Math.max(1, swept));
        if (claims.isEmpty()) {
            System.out.println("claim query: timed on PostgreSQL only");
        }
        claims.forEach((rows, millis) -> System.out.printf(
                "claim query (100 of %,d due) on %,9d consents: %.2f ms (median of 7)%n", CLAIM_DUE, rows, millis));
        System.out.printf("resident memory under load (peak sampled): %d MB%n", peakRss.get() / 1024);
        System.out.printf("reads: accounts %.2f×, transactions page %.2f× the direct throughput%n",
                accounts.ratio, page.ratio);
        finish();
    }

    static void printTables() {
        System.out.printf("%n%-56s %22s %12s %7s %20s %20s %7s%n", "", "gateway", "floor", "ratio", "gateway p50 / p99",
                "floor p50 / p99", "p50 ×");
        for (String[] r : table) {
            System.out.printf("%-56s %22s %12s %7s %20s %20s %7s%n", (Object[]) r);
        }
        System.out.printf("%n%-72s %9s %9s %20s %15s%n", "CPU time per answered request, ms", "gateway", "sandbox",
                h2 ? "(H2: in the gateway)" : "PostgreSQL", "load generator");
        for (String[] r : cpuTable) {
            System.out.printf("%-72s %9s %9s %20s %15s%n", (Object[]) r);
        }
    }

    /** Runs the gateway's read and then the direct one for the same time each, after a warm-up of each. */
    static Load compare(String name, int seconds, IntFunction<HttpRequest> viaGateway, IntFunction<HttpRequest> direct,
                        Path pidFile, AtomicLong peakRss) throws Exception {
        Load.timed(64, Math.max(5, seconds / 3), viaGateway, null, null);
        Load gateway = profiled(pidFile, name, () -> Load.timed(64, seconds, viaGateway, pidFile, peakRss));
        Load.timed(64, Math.max(5, seconds / 3), direct, null, null);
        Load floor = Load.timed(64, seconds, direct, null, null);
        gateway.ratio = gateway.rate() / floor.rate();
        row(name + ", 64 connections", gateway, floor);
        // A 503 is the gateway shedding load it cannot take (its bulkheads), with a Retry-After: counted in the table,
        // not a failure. Anything else that is not a 200 is one.
        long shed = gateway.shed();
        check(gateway.failed.get() == shed && floor.failed.get() == 0, name + ": every request answered 200"
                + (shed > 0 ? " or 503 (" + shed + " shed)" : "")
                + (gateway.failed.get() == shed && floor.failed.get() == 0 ? "" : " (gateway " + gateway.failures + ", direct " + floor.failures + ")"));
        return gateway;
    }

    /**
     * With PROFILE set to a folder, the gateway's part of a phase runs under Java Flight Recorder (started and dumped
     * with jcmd), one recording per phase: PROFILE/&lt;phase&gt;.jfr. bench/java/Hot.java summarises a recording.
     */
    static <T> T profiled(Path pidFile, String phase, Callable<T> work) throws Exception {
        String folder = System.getenv("PROFILE");
        if (folder == null || folder.isBlank()) {
            return work.call();
        }
        String pid = Files.readString(pidFile).strip();
        String name = phase.replaceAll("[^A-Za-z0-9]+", "-");
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
        try {
            return work.call();
        } finally {
            jcmd(pid, "JFR.dump", "name=" + name, "filename=" + Path.of(folder).toAbsolutePath().resolve(name + ".jfr"));
            jcmd(pid, "JFR.stop", "name=" + name);
        }
    }

    static void jcmd(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + ": " + out);
        }
    }

    static void row(String name, Load gateway, Load floor) {
        cpuTable.add(gateway.cpu.perRequest(name + " (gateway)", gateway.ok.get()));
        String through = String.format("%,.0f req/s", gateway.rate()) + (gateway.shed() > 0 ? String.format(" (%,d × 503)", gateway.shed()) : "");
        if (floor == null) {
            table.add(new String[] {name, through, "—", "—", percentiles(gateway), "—", "—"});
            return;
        }
        cpuTable.add(floor.cpu.perRequest(name + " (floor)", floor.ok.get()));
        table.add(new String[] {name, through, String.format("%,.0f req/s", floor.rate()),
                String.format("%.2f", gateway.rate() / floor.rate()), percentiles(gateway), percentiles(floor),
                String.format("%.1f", (double) gateway.latency.percentile(50) / Math.max(1, floor.latency.percentile(50)))});
    }

    static String percentiles(Load load) {
        return String.format("%.1f / %.1f ms", load.latency.percentile(50) / 1000.0, load.latency.percentile(99) / 1000.0);
    }

    /**
     * Makes SWEEP of the bench user's consents due (their refresh token 31 days old) among SWEEP + FILL rows, and times
     * the node's scheduler until the sandbox has answered SWEEP refreshes. The filler rows are never due.
     */
    static long sweep(String gateway, String sandbox, String token, String user, Callable<Connection> database, int sweep,
                      int fill, Path pidFile) throws Exception {
        long started = System.nanoTime();
        List<String> outcomes = all(repeat(sweep, () -> connect(gateway, token)), 16);
        long connected = outcomes.stream().filter("COMPLETED"::equals).count();
        System.out.printf("connected %,d consents for the sweep in %.0f s%n", connected, seconds(started));
        check(connected == sweep, "every consent for the sweep connected");
        long before;
        Cpu cpu;
        long due;
        long target;
        try (Connection db = database.call(); Statement s = db.createStatement()) {
            if (h2) {
                s.execute("INSERT INTO consents (id, user_id, provider, kind, status, access_token_enc, refresh_token_enc,"
                        + " granted_at, last_user_activity_at, expires_at, next_check_at, version) SELECT RANDOM_UUID(),"
                        + " 'filler-' || MOD(\"X\", 5000), 'nrich', 'ONGOING_ACCESS', 'ACTIVE', 'x', 'x', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP, DATEADD('DAY', 90, CURRENT_TIMESTAMP),"
                        + " DATEADD('SECOND', \"X\", DATEADD('DAY', 20, CURRENT_TIMESTAMP)), 1 FROM SYSTEM_RANGE(1, " + fill + ")");
            } else {
                s.execute(filler(1, fill, "now() + interval '20 days' + n * interval '1 second'"));
                s.execute("ANALYZE consents");
            }
            before = count(sandbox, "POST /auth/token refresh_token");
            cpu = Cpu.now();
            due = System.nanoTime();
            try (PreparedStatement update = db.prepareStatement("UPDATE consents SET refresh_issued_at = ?, next_check_at = ?"
                    + " WHERE user_id = ? AND status = 'ACTIVE'")) {
                java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
                update.setObject(1, now.minusDays(31));
                update.setObject(2, now);
                update.setString(3, user);
                target = before + update.executeUpdate();
            }
        }
        profiled(pidFile, "sweep", () -> {
            while (count(sandbox, "POST /auth/token refresh_token") < target && seconds(due) < 600) {
                Thread.sleep(100);
            }
            return null;
        });
        long millis = (System.nanoTime() - due) / 1_000_000;
        cpuTable.add(Cpu.now().since(cpu).perRequest("keep-alive sweep, per refresh", target - before));
        check(count(sandbox, "POST /auth/token refresh_token") == target, "every due consent refreshed exactly once");
        return millis;
    }

    static final int CLAIM_DUE = 1000;

    /**
     * Times the scheduler's claim statement, exactly as the persistence adapter runs it on PostgreSQL, on a table of
     * 10k, 100k and 1M consents of which always CLAIM_DUE are due: its cost should follow the due rows, not the table.
     * A database of its own (the migrations applied), so the node's scheduler never sees these rows; each claim runs
     * under EXPLAIN ANALYZE in a transaction that is rolled back.
     */
    static Map<Integer, Double> claimQuery(String jdbc, String user, String password, Path migrations, Path adapterClasses)
            throws Exception {
        String claim = claimStatement(adapterClasses).replace(":now", "now()").replace(":limit", "100")
                .replace(":lease", "now() + interval '5 minutes'").replace(":node", "'bench'");
        Map<Integer, Double> millis = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
            try (var files = Files.list(migrations)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                        .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                        .toList()) {
                    s.execute(Files.readString(file));
                }
            }
            int stored = 0;
            for (int rows : new int[] {10_000, 100_000, 1_000_000}) {
                // rows that are never due: most in the future, a tenth with no next check at all
                s.execute(filler(stored + 1, rows - CLAIM_DUE,
                        "CASE WHEN n % 10 = 0 THEN NULL ELSE now() + n * interval '1 second' END"));
                stored = rows - CLAIM_DUE;
                s.execute("DELETE FROM consents WHERE next_check_at <= now()");
                s.execute(filler(1, CLAIM_DUE, "now() - n * interval '1 second'"));
                s.execute("VACUUM ANALYZE consents");
                c.setAutoCommit(false);
                List<Double> times = new ArrayList<>();
                for (int trial = 0; trial < 7; trial++) {
                    try (ResultSet plan = s.executeQuery("EXPLAIN (ANALYZE) " + claim)) {
                        while (plan.next()) {
                            Matcher time = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan.getString(1));
                            if (time.find()) {
                                times.add(Double.parseDouble(time.group(1)));
                            }
                        }
                    }
                    c.rollback();
                }
                c.setAutoCommit(true);
                Collections.sort(times);
                millis.put(rows, times.get(times.size() / 2));
            }
        }
        return millis;
    }

    /**
     * Consents numbered FROM to TO that the gateway cannot use (their tokens are not ciphertexts), with the next check
     * the expression of n gives: rows that fill the table and are never due, or rows that are due for the claim query.
     */
    static String filler(int from, int to, String nextCheck) {
        return "INSERT INTO consents (id, user_id, provider, kind, status, access_token_enc, refresh_token_enc, granted_at,"
                + " last_user_activity_at, expires_at, next_check_at, version) SELECT gen_random_uuid(), 'filler-' || (n % 5000),"
                + " 'nrich', 'ONGOING_ACCESS', 'ACTIVE', 'x', 'x', now(), now(), now() + interval '90 days', " + nextCheck + ", 1"
                + " FROM generate_series(" + from + ", " + to + ") n";
    }

    /**
     * The consents' claim statement as compiled into the persistence adapter: the claim's template and the consents'
     * due condition are compile-time constants, read with javap.
     */
    static String claimStatement(Path adapterClasses) throws Exception {
        String template = constant(adapterClasses, "LeaseClaim", "POSTGRESQL");
        return template.formatted("consents", constant(adapterClasses, "JdbiConsents", "DUE"), "next_check_at");
    }

    static String constant(Path adapterClasses, String className, String name) throws Exception {
        Process javap = new ProcessBuilder("javap", "-constants", "-p", "-cp", adapterClasses.toString(),
                "io.consentgateway.adapter.out.persistence." + className).redirectErrorStream(true).start();
        String out = new String(javap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        javap.waitFor();
        Matcher constant = Pattern.compile(" " + name + " = \"(.*)\";").matcher(out);
        if (!constant.find()) {
            throw new IllegalStateException("no " + name + " in " + out);
        }
        return constant.group(1).replace("\\n", "\n").replace("\\\"", "\"");
    }

    static HttpRequest authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .GET().build();
    }

    /** A code straight from the sandbox's nrich: create a flow with the client's credentials and approve it. */
    static String directCode(String sandbox, String redirect) throws Exception {
        HttpResponse<String> flow = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/nrich/ongoing/access"))
                .header("Authorization", CLIENT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uri\":\"" + redirect + "\",\"user_id\":\"perf\",\"state\":\""
                        + UUID.randomUUID() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(approve(field(flow.body(), "location")));
        if (!code.find()) {
            throw new IllegalStateException("no code from the sandbox");
        }
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    static HttpResponse<String> exchange(String sandbox, String code, String redirect) throws Exception {
        String body = "{\"grant_type\":\"authorization_code\",\"code\":\"" + code + "\",\"redirect_uri\":\"" + redirect + "\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/nrich/auth/token")).header("Authorization", CLIENT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Resident memory of the server's process, in KiB. */
    static long rss(Path pidFile) throws Exception {
        String pid = Files.readString(pidFile).strip();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    static <T> List<Callable<T>> repeat(int times, Callable<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            tasks.add(task);
        }
        return tasks;
    }

    interface Work<T> {
        boolean run(T item) throws Exception;
    }

    /** One load run: latencies in microseconds, requests that succeeded and failed, and the wall time. */
    static final class Load {
        final Latencies latency = new Latencies();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();
        double seconds;
        double ratio;
        Cpu cpu;

        void failed(String why) {
            failed.incrementAndGet();
            failures.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet();
        }

        double rate() {
            return ok.get() / seconds;
        }

        /** requests the gateway answered 503: load it shed (its bulkheads), with a Retry-After */
        long shed() {
            AtomicLong shed = failures.get("503");
            return shed == null ? 0 : shed.get();
        }

        /** CONNECTIONS loops send the i-th request until the time is up. */
        static Load timed(int connections, int seconds, IntFunction<HttpRequest> request, Path pidFile, AtomicLong peakRss)
                throws Exception {
            Load load = new Load();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            Cpu before = Cpu.now();
            long started = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    while (running.get()) {
                        long sent = System.nanoTime();
                        try {
                            int status = HTTP.send(request.apply((int) next.getAndIncrement()), HttpResponse.BodyHandlers.ofString()).statusCode();
                            if (status == 200) {
                                load.ok.incrementAndGet();
                            } else {
                                load.failed(String.valueOf(status));
                            }
                        } catch (Exception e) {
                            load.failed(e.getClass().getSimpleName());
                        }
                        load.latency.add((System.nanoTime() - sent) / 1000);
                    }
                    return null;
                });
            }
            while (seconds(started) < seconds) {
                Thread.sleep(500);
                if (pidFile != null) {
                    peakRss.accumulateAndGet(rss(pidFile), Math::max);
                }
            }
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            load.seconds = seconds(started);
            load.cpu = Cpu.now().since(before);
            return load;
        }

        /** CONNECTIONS loops work through the items once. */
        static <T> Load each(int connections, List<T> items, Work<T> work) throws Exception {
            Load load = new Load();
            ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            Cpu before = Cpu.now();
            long started = System.nanoTime();
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    for (T item = queue.poll(); item != null; item = queue.poll()) {
                        long sent = System.nanoTime();
                        try {
                            if (work.run(item)) {
                                load.ok.incrementAndGet();
                            } else {
                                load.failed("not done");
                            }
                        } catch (Exception e) {
                            load.failed(e.getClass().getSimpleName());
                        }
                        load.latency.add((System.nanoTime() - sent) / 1000);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            load.seconds = seconds(started);
            load.cpu = Cpu.now().since(before);
            return load;
        }
    }

    /**
     * CPU time used so far, in milliseconds, by each process that shares the machine: the gateway, the sandbox, all of
     * PostgreSQL's processes, and this load generator. The difference over a phase, divided by its answered requests,
     * says what a request costs each of them; on a machine whose cores are full, that is what limits the throughput.
     */
    record Cpu(long gateway, long sandbox, long postgres, long load) {
        static Path gatewayPid;
        static Path sandboxPid;
        static final long TICK_MS = 10; // Linux reports CPU time in clock ticks of 1/100 s (getconf CLK_TCK)

        static Cpu now() throws Exception {
            long postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) processes::iterator) {
                    if (p.getFileName().toString().matches("[0-9]+") && "postgres".equals(read(p.resolve("comm")).strip())) {
                        postgres += ticks(p);
                    }
                }
            }
            var self = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(ticks(pid(gatewayPid)) * TICK_MS, ticks(pid(sandboxPid)) * TICK_MS, postgres * TICK_MS,
                    self.getProcessCpuTime() / 1_000_000);
        }

        Cpu since(Cpu before) {
            return new Cpu(gateway - before.gateway, sandbox - before.sandbox, postgres - before.postgres, load - before.load);
        }

        String[] perRequest(String name, long requests) {
            double n = Math.max(1, requests);
            return new String[] {name, String.format("%.2f", gateway / n), String.format("%.2f", sandbox / n),
                    String.format("%.2f", postgres / n), String.format("%.2f", load / n)};
        }

        static Path pid(Path pidFile) throws Exception {
            return Path.of("/proc", Files.readString(pidFile).strip());
        }

        /** user + system time of a process (fields 14 and 15 of /proc/PID/stat), 0 when it has gone */
        static long ticks(Path process) {
            String stat = read(process.resolve("stat"));
            if (stat.isEmpty()) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (java.io.IOException gone) {
                return "";
            }
        }
    }
}
