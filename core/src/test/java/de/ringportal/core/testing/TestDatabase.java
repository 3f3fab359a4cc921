package de.ringportal.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import de.ringportal.core.internal.CoreForTests;

/**
 * A fresh in-memory Derby database with a module's migrations applied by core's real migration code (Flyway, the
 * {@code ${large_text}} placeholder, the history table {@code schema_history_<schema>}), one per call. Lock waits are
 * short (deadlocks found after one second, a lock given up after two), as on a loaded machine, so that tests of
 * concurrent writers meet the timeouts the portal must survive, and meet them quickly.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        System.setProperty("derby.locks.deadlockTimeout", "1");
        System.setProperty("derby.locks.waitTimeout", "2");
    }

    private TestDatabase() {
    }

    /**
     * A new database with every script of the module's {@code db/migration} folder applied, in version order.
     *
     * @param owner any main class of the module (not a test class): the scripts are read from the class path entry
     *        that holds it, so the scripts of other modules on the test class path stay out
     * @param schema the module's schema name, as its {@code Ringportal-Schema} header gives it
     */
    public static DataSource migrated(Class<?> owner, String schema) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + schema + "-test-" + COUNT.incrementAndGet());
        dataSource.setCreateDatabase("create");
        CoreForTests.migrate(dataSource, owner, schema);
        return dataSource;
    }

    /** The first column of the first row of a query, as a number: {@code SELECT COUNT(*) ...}. */
    public static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
