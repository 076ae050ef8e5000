package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.UnitOfWork;

import java.util.function.Supplier;

/**
 * {@link UnitOfWork} as one JDBI transaction whose handle is bound to the calling thread: every repository
 * call the work makes on this thread runs in it, a nested {@code inTransaction} joins it, and the outermost call
 * commits when the work returns or rolls back when it throws (the exception is rethrown unchanged).
 */
final class JdbiUnitOfWork implements UnitOfWork {
    private final Database database;

    JdbiUnitOfWork(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return database.inTransaction(work);
    }
}
