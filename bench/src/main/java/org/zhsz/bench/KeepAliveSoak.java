package org.zhsz.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.zhsz.access.AccessMatrix;
import org.zhsz.support.DemoUsers;

/**
 * Keep-alive soak: after one full pass of the authorization matrix (for the state later cells expect) and a pass
 * that records each cell's settled answer, the matrix's reads and refused writes are sent over and over on the
 * test client's pooled keep-alive connections, from several threads, against the real app (embedded store, real
 * JWT validation with a local signing key). Counts requests that get no answer within 60 s, answers that took more
 * than 10 s, and answers whose status differs from the cell's settled answer. This is the workload under which
 * Reactor Netty 1.3.6 left a request unread now and then (reactor-netty #4347/#4361).
 *
 * <pre>bench/run.sh org.zhsz.bench.KeepAliveSoak [requests=100000] [threads=8]</pre>
 */
public final class KeepAliveSoak {

    record Cell(AccessMatrix.Row row, String user, int expected) {
    }

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String load0 = BenchResults.loadAverage();
        try (BenchApp app = new BenchApp(Map.of())) {
            List<Cell> cells = new ArrayList<>();
            Map<String, String> tokens = new java.util.HashMap<>();
            for (String user : DemoUsers.usernames()) {
                DemoUsers.User u = DemoUsers.get(user);
                tokens.put(user, app.token(user, u.roles(), u.attributes().get("school_id")));
            }
            WebTestClient web = WebTestClient.bindToServer().baseUrl(app.url(""))
                    .responseTimeout(Duration.ofSeconds(60)).build();
            // the whole matrix once, in order, as the IT runs it: the state later cells expect (a release, a
            // reviewed record, an existing staff member) comes from earlier cells
            List<String> firstPass = AccessMatrix.wrongCells(web, user -> cl -> cl.mutate()
                    .defaultHeader("Authorization", "Bearer " + tokens.get(user)).build());
            if (!firstPass.isEmpty()) {
                System.out.println("the matrix itself has wrong cells:\n  " + String.join("\n  ", firstPass));
                System.exit(1);
            }
            List<Cell> candidates = new ArrayList<>();
            for (AccessMatrix.Row row : AccessMatrix.rows()) {
                // public verification is rate-limited per client address by design (429 after 30 a minute)
                if (row.uri().startsWith("/api/v1/verify")) {
                    continue;
                }
                for (String user : DemoUsers.usernames()) {
                    int expected = row.expectedFor(user);
                    if (row.method() == HttpMethod.GET || expected >= 400) {
                        candidates.add(new Cell(row, user, expected));
                    }
                }
            }
            // Some cells' answers depend on what later rows of the pass changed (a release to admissions turns
            // a 404 into a 403 or 200; a second review is a 422): two more passes record each cell's settled
            // answer, and the soak compares against that. Two, since a write that succeeds in the first (a
            // signature) can let another succeed after it (the next signature in order); a write that succeeded in
            // either pass changed state and is left out
            java.util.Set<Cell> changedState = new java.util.HashSet<>();
            for (int pass = 0; pass < 2; pass++) {
                cells.clear();
                for (Cell c : candidates) {
                    String token = tokens.get(c.user());
                    int settled = AccessMatrix.call(web, c.row(), cl -> cl.mutate()
                            .defaultHeader("Authorization", "Bearer " + token).build());
                    if (c.row().method() != HttpMethod.GET && settled < 400) {
                        changedState.add(c);
                    }
                    cells.add(new Cell(c.row(), c.user(), settled));
                }
            }
            cells.removeIf(c -> changedState.stream().anyMatch(x -> x.row() == c.row() && x.user().equals(c.user())));
            AtomicLong sent = new AtomicLong();
            AtomicLong slow = new AtomicLong();
            AtomicLong maxMillis = new AtomicLong();
            ConcurrentLinkedQueue<String> silent = new ConcurrentLinkedQueue<>();
            AtomicLong unanswered = new AtomicLong();
            AtomicLong wrong = new AtomicLong();
            ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
            System.out.printf(Locale.ROOT, "keep-alive soak: %d requests over %d matrix cells, %d threads, %s%n",
                    target, cells.size(), threads, app.url(""));
            long t0 = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Cell> mine = new ArrayList<>(cells);
                Collections.shuffle(mine, new Random(t));
                Thread w = new Thread(() -> {
                    int i = 0;
                    long n;
                    while ((n = sent.incrementAndGet()) <= target) {
                        if (n % 10_000 == 0) {
                            System.out.printf(Locale.ROOT, "  %,d sent, %d unanswered%n", n, unanswered.get());
                        }
                        Cell c = mine.get(i++ % mine.size());
                        String token = tokens.get(c.user());
                        long started = System.nanoTime();
                        try {
                            int status = AccessMatrix.call(web, c.row(), cl -> cl.mutate()
                                    .defaultHeader("Authorization", "Bearer " + token).build());
                            long ms = (System.nanoTime() - started) / 1_000_000;
                            maxMillis.accumulateAndGet(ms, Math::max);
                            if (ms > 10_000) {
                                slow.incrementAndGet();
                                silent.add("SLOW " + ms + " ms " + c.row().name() + " " + c.user());
                            }
                            if (status != c.expected()) {
                                wrong.incrementAndGet();
                                if (examples.size() < 20) {
                                    examples.add(c.row().name() + " " + c.user() + ": expected " + c.expected()
                                            + ", got " + status);
                                }
                            }
                        } catch (IllegalStateException e) {
                            unanswered.incrementAndGet();
                            silent.add("NO ANSWER in 60 s " + c.row().name() + " " + c.user() + ": " + e.getMessage());
                        }
                    }
                }, "soak-" + t);
                w.start();
                workers.add(w);
            }
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long done = Math.min(target, sent.get());
            System.out.printf(Locale.ROOT, "%d requests in %.1f s (%.0f req/s); unanswered within 60 s: %d; "
                    + "answered after more than 10 s: %d (slowest %d ms); status other than the cell's settled "
                    + "answer: %d; load average %s -> %s%n", done, seconds, done / seconds, unanswered.get(),
                    slow.get(), maxMillis.get(), wrong.get(), load0, BenchResults.loadAverage());
            silent.forEach(e -> System.out.println("  " + e));
            examples.forEach(e -> System.out.println("  " + e));
            if (unanswered.get() > 0 || wrong.get() > 0) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private KeepAliveSoak() {
    }
}
