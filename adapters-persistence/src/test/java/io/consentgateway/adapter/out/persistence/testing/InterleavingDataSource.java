package io.consentgateway.adapter.out.persistence.testing;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A data source that lets a test put another writer between two statements of the code under test: the first time a
 * statement whose SQL begins with {@link #before} is prepared, {@code meanwhile} runs (on its own connections, through
 * another data source) and commits, and only then is the statement prepared and run. It makes "a save came between
 * the read and the write" happen every time, not by chance.
 */
public final class InterleavingDataSource extends ForwardingDataSource {
    private final String before;
    private final AtomicReference<Runnable> meanwhile;

    public InterleavingDataSource(DataSource target, String before, Runnable meanwhile) {
        super(target);
        this.before = before;
        this.meanwhile = new AtomicReference<>(meanwhile);
    }

    /** Whether the other writer has run. */
    public boolean interleaved() {
        return meanwhile.get() == null;
    }

    @Override
    protected Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                            && sql.startsWith(before)) {
                        Runnable other = meanwhile.getAndSet(null);
                        if (other != null) {
                            other.run();
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
