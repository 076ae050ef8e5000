package io.consentgateway.application.testing;

import io.consentgateway.application.port.out.UnitOfWork;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * UnitOfWork for the in-memory fakes: no rollback (the fakes write nothing a failed unit of work must undo
 * in the use cases under test), but row locks taken inside a transaction are held until it ends, as
 * {@code SELECT ... FOR UPDATE} would hold them.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private final ThreadLocal<Deque<Runnable>> onEnd = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (onEnd.get() != null) {
            return work.get(); // joins the surrounding transaction
        }
        onEnd.set(new ArrayDeque<>());
        try {
            return work.get();
        } finally {
            Deque<Runnable> hooks = onEnd.get();
            onEnd.remove();
            hooks.forEach(Runnable::run);
        }
    }

    boolean active() {
        return onEnd.get() != null;
    }

    void atEnd(Runnable hook) {
        Deque<Runnable> hooks = onEnd.get();
        if (hooks == null) {
            throw new IllegalStateException("must be called inside a transaction");
        }
        hooks.push(hook);
    }
}
