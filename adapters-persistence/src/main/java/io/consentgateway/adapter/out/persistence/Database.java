package io.consentgateway.adapter.out.persistence;

import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.StoreUnavailable;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one {@link Jdbi} of the adapter and the transaction bound to the current thread.
 *
 * <ul>
 *   <li>{@link #inTransaction} opens one JDBI transaction and binds its {@link Handle} to the calling thread for
 *       as long as the work runs; a nested call joins it (no savepoints: the outermost call commits or rolls
 *       back everything).</li>
 *   <li>{@link #withHandle} runs a repository statement on the thread's transaction handle when there is one,
 *       otherwise on a short handle of its own (auto-commit), closed right after.</li>
 * </ul>
 * A handle is one JDBC connection, so work on the bound handle never crosses threads.
 */
final class Database {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ThreadLocal<Handle> transaction = new ThreadLocal<>();

    Database(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.dialect = Dialect.of(jdbi);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
    }

    /** Longest statement text a failure's message quotes. */
    private static final int MAX_QUOTED_SQL = 512;

    /**
     * A failed statement's message: JDBI's own and the statement, never its arguments. JDBI's default quotes every bound
     * value, and although tokens, codes and states are bound encrypted, a flow's widget URL (a bank's authorize URL
     * with its {@code state}) and user ids are not; the message ends up in logs.
     */
    static String withoutArguments(StatementException e) {
        StatementContext context = e.getStatementContext();
        String sql = context == null ? null : context.getRenderedSql();
        if (sql == null) {
            return e.getShortMessage();
        }
        return e.getShortMessage() + " [statement:\"" + (sql.length() > MAX_QUOTED_SQL ? sql.substring(0, MAX_QUOTED_SQL) + "…" : sql)
                + "\", arguments not shown]";
    }

    Dialect dialect() {
        return dialect;
    }

    <T> T inTransaction(Supplier<T> work) {
        if (transaction.get() != null) {
            return work.get(); // joins the surrounding transaction
        }
        try {
            return jdbi.inTransaction(handle -> {
                transaction.set(handle);
                try {
                    return work.get();
                } finally {
                    transaction.remove();
                }
            });
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** Runs a statement in the thread's transaction, or on its own short handle when there is none. */
    <T> T withHandle(Function<Handle, T> statement) {
        Handle bound = transaction.get();
        try {
            if (bound != null) {
                return statement.apply(bound);
            }
            return jdbi.withHandle(statement::apply);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /**
     * SQL states of "somebody else holds this row": a lock wait that timed out (H2 {@code HYT00}, PostgreSQL
     * {@code 55P03}), a serialization failure ({@code 40001}) or a deadlock ({@code 40P01}). The usual cause is a
     * refresh holding the consent's row lock during its provider call.
     */
    private static final Set<String> CONTENDED = Set.of("HYT00", "55P03", "40001", "40P01");

    /**
     * SQL states of "the database is out of reach" beyond the connection exceptions' class {@code 08}: the server
     * shutting down or starting ({@code 57P01}, {@code 57P02}, {@code 57P03}), no connection slot left ({@code 53300}).
     */
    private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "53300");

    /**
     * Contention becomes the port's {@link ConcurrentUpdate}, an unreachable database its {@link StoreUnavailable}
     * (nothing was written in either case; the caller may try again). No connection to be had at all (JDBI's
     * {@link ConnectionException}, whatever the driver or the pool said) is unreachable too.
     */
    static RuntimeException translated(JdbiException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && CONTENDED.contains(sql.getSQLState())) {
                return new ConcurrentUpdate("the row is locked by another request (SQL state " + sql.getSQLState()
                        + "); nothing was written");
            }
            if (cause instanceof SQLException sql && isUnreachable(sql)) {
                return unreachable(sql);
            }
        }
        return e instanceof ConnectionException ? unreachable(e.getCause()) : e;
    }

    private static boolean isUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException
                || (state != null && (state.startsWith("08") || UNREACHABLE.contains(state)));
    }

    /** Names the failure's type and SQL state, never its message (which may quote the host, the user or more). */
    private static StoreUnavailable unreachable(Throwable cause) {
        String type = cause == null ? "no connection" : cause.getClass().getName();
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? ", SQL state " + sql.getSQLState() : "";
        return new StoreUnavailable("the database is out of reach (" + type + state + "); nothing was written");
    }

    /**
     * Runs work in a transaction of its own, on a fresh handle (connection), even when the thread is inside another
     * transaction. {@code Jdbi.open()} is used on purpose: {@code Jdbi.inTransaction} would reuse a handle already
     * open on this thread and so join the outer transaction.
     */
    <T> T inOwnTransaction(Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(work::apply);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /**
     * Runs work on a handle (connection) of its own, in auto-commit, outside any transaction of the thread: for a job of
     * many short transactions ({@code handle.inTransaction} on it commits each), which would otherwise take a connection
     * from the pool for every statement.
     */
    <T> T onOwnConnection(Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            return work.apply(handle);
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    /** The thread's transaction handle; {@code operation} needs one (it takes locks that last until the commit). */
    Handle requireTransaction(String operation) {
        Handle bound = transaction.get();
        if (bound == null) {
            throw new IllegalStateException(operation + " must be called inside UnitOfWork.inTransaction");
        }
        return bound;
    }
}
