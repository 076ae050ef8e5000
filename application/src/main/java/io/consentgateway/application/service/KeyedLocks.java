package io.consentgateway.application.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-process single flight: one lock per key (a consent), so the threads of one node that need the same consent queue
 * instead of racing, while work on another consent never waits. An entry lives only while somebody holds or waits for
 * its lock, so the map stays as small as the work in flight.
 *
 * <p>The locks are fair: a thread that has waited for a sync or a refresh is served before one that arrives after it
 * ended. An unfair lock lets the newcomer barge in and start the next sync while the waiters, whose need the last one
 * met already, wait through it too.
 */
final class KeyedLocks<K> {
    private final ConcurrentHashMap<K, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    /** Runs {@code work} holding the key's lock, after those that came first. */
    <T> T withLock(K key, Supplier<T> work) {
        Entry entry = enter(key);
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            leave(key);
        }
    }

    /**
     * Runs {@code work} holding the key's lock if the lock comes within {@code patience}; empty when it does not (or the
     * thread is interrupted while waiting), and then {@code work} has not run.
     */
    <T> Optional<T> withLock(K key, Duration patience, Supplier<T> work) {
        Entry entry = enter(key);
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
            return locked ? Optional.of(work.get()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (locked) {
                entry.lock.unlock();
            }
            leave(key);
        }
    }

    private Entry enter(K key) {
        return entries.compute(key, (k, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
    }

    private void leave(K key) {
        entries.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }

    /** How many keys have work in flight or waiting (for tests and diagnostics). */
    int size() {
        return entries.size();
    }
}
