package io.consentgateway.adapter.out.persistence.testing;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A data source that counts the statements executed through it ({@code execute*} calls, a batch counting once): what
 * a caller costs in round trips to the database, give or take the driver's own.
 */
public final class CountingDataSource extends ForwardingDataSource {
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final AtomicInteger executions = new AtomicInteger();

    public CountingDataSource(DataSource target) {
        super(target);
    }

    /** Statements executed since the last reset. */
    public int executions() {
        return executions.get();
    }

    public void reset() {
        executions.set(0);
    }

    @Override
    protected Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            return result instanceof Statement statement ? countingStatement(statement) : result;
        });
    }

    private Statement countingStatement(Statement statement) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), allInterfaces(statement), (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                executions.incrementAndGet();
            }
            return invoke(statement, method, args);
        });
    }

    /** The JDBC interfaces a statement implements ({@code PreparedStatement}, {@code CallableStatement}, ...). */
    private static Class<?>[] allInterfaces(Statement statement) {
        return Stream.of(CallableStatement.class, PreparedStatement.class, Statement.class)
                .filter(type -> type.isInstance(statement))
                .toArray(Class<?>[]::new);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
