package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.TestDatabase;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;

/** {@link StoreOutageTests} on H2 (its TCP client refused, as when the run's H2 server is gone). */
class H2StoreOutageTest extends StoreOutageTests {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    protected DataSource unreachable() {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://localhost:1/mem:nowhere");
        return nowhere;
    }
}
