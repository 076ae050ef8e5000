package io.consentgateway.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent at the same moment, as a burst of users or a client racing itself sends them. */
public final class AtOnce {
    private AtOnce() {
    }

    /** Runs every task at the same moment, on a thread each; answers their results in order. */
    public static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(300, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How often each result came, in the results' order. */
    public static <T extends Comparable<T>> Map<T, Integer> countsOf(List<T> results) {
        Map<T, Integer> counts = new TreeMap<>();
        results.forEach(result -> counts.merge(result, 1, Integer::sum));
        return counts;
    }
}
