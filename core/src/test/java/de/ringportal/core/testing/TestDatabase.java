package de.ringportal.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import de.ringportal.core.internal.CoreForTests;

/**
 * A fresh database with a module's migrations applied by core's real migration code (Flyway, the
 * {@code ${large_text}} placeholder, the history table {@code schema_history_<schema>}), one per call: an in-memory
 * Derby, or a database on the test JVM's PostgreSQL server ({@link TestPostgres}) when the test class runs with
 * {@link BothDatabases} and it is PostgreSQL's turn. The module's scripts run once per JVM and database kind into a
 * template, and each call gets a copy of it (Derby: {@link DerbyBackups}; PostgreSQL:
 * {@code CREATE DATABASE ... TEMPLATE}), which is much faster than migrating each time. On Derby, lock waits are
 * short (deadlocks found after one second, a lock given up after two), as on a loaded machine, so that tests of
 * concurrent writers meet the timeouts the portal must survive, and meet them quickly.
 */
public final class TestDatabase {

    /** The databases the portal runs on, by the name test reports and {@value BothDatabases#PROPERTY} use. */
    public enum Kind {
        DERBY, POSTGRESQL;

        /** The lower-case name, as in {@code store_test[postgresql]}. */
        public String label() {
            return name().toLowerCase();
        }
    }

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Map<String, Object> TEMPLATES = new ConcurrentHashMap<>();
    private static volatile Kind current = Kind.DERBY;

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        System.setProperty("derby.locks.deadlockTimeout", "1");
        System.setProperty("derby.locks.waitTimeout", "2");
    }

    private TestDatabase() {
    }

    /**
     * A new database with every script of the module's {@code db/migration} folder applied, in version order, on
     * the database whose turn it is (Derby outside {@link BothDatabases}).
     *
     * @param owner any main class of the module (not a test class): the scripts are read from the class path entry
     *        that holds it, so the scripts of other modules on the test class path stay out
     * @param schema the module's schema name, as its {@code Ringportal-Schema} header gives it
     */
    public static DataSource migrated(Class<?> owner, String schema) {
        return migrated(current, owner, schema);
    }

    /** A new database as {@link #migrated(Class, String)}, on the given kind of database. */
    public static DataSource migrated(Kind kind, Class<?> owner, String schema) {
        String key = kind + " " + schema + " " + owner.getProtectionDomain().getCodeSource().getLocation();
        if (kind == Kind.POSTGRESQL) {
            DataSource template = (DataSource) TEMPLATES.computeIfAbsent(key, same -> {
                DataSource migrated = TestPostgres.newDatabase(schema + "_template");
                CoreForTests.migrate(migrated, owner, schema);
                return migrated;
            });
            return TestPostgres.newDatabase(schema, template);
        }
        Path backup = (Path) TEMPLATES.computeIfAbsent(key, same -> {
            EmbeddedDataSource migrated = derby(schema + "-template");
            migrated.setCreateDatabase("create");
            CoreForTests.migrate(migrated, owner, schema);
            return DerbyBackups.backUp(migrated);
        });
        EmbeddedDataSource copy = derby(schema);
        DerbyBackups.restore(copy, backup);
        return copy;
    }

    /** A new database without tables, of the kind whose turn it is: for tests of the data kit itself. */
    public static DataSource empty(String name) {
        if (current == Kind.POSTGRESQL) {
            return TestPostgres.newDatabase(name);
        }
        EmbeddedDataSource dataSource = derby(name);
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private static EmbeddedDataSource derby(String name) {
        // again each time: a test of core's own Derby set-up may have pointed the log elsewhere
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name + "-test-" + COUNT.incrementAndGet());
        return dataSource;
    }

    /** The kind of database {@link #migrated(Class, String)} gives now. */
    public static Kind current() {
        return current;
    }

    /** Sets the kind of database {@link #migrated(Class, String)} gives, and answers the one before. */
    static Kind use(Kind kind) {
        Kind before = current;
        current = kind;
        return before;
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

    static List<Kind> all() {
        return List.of(Kind.values());
    }
}
