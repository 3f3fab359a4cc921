package de.ringportal.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A fresh in-memory Derby database with a module's migration scripts applied, one per call. Lock waits are short
 * (deadlocks found after one second, a lock given up after two), as on a loaded machine, so that tests of
 * concurrent writers meet the timeouts the portal must survive, and meet them quickly.
 */
public final class MemoryDerby {

    private static final AtomicInteger COUNT = new AtomicInteger();

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        System.setProperty("derby.locks.deadlockTimeout", "1");
        System.setProperty("derby.locks.waitTimeout", "2");
    }

    private MemoryDerby() {
    }

    /** A new database with the scripts (class path resources, in order) run statement by statement. */
    public static DataSource migrated(Class<?> owner, String... scripts) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:test-" + COUNT.incrementAndGet());
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                for (String sql : statements(owner, script)) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    /** The first column of the first row of a query, as a number: {@code SELECT COUNT(*) ...}. */
    public static long count(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String[] statements(Class<?> owner, String script) {
        try (InputStream in = owner.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalArgumentException("No script " + script);
            }
            // ${large_text}: the placeholder core's Flyway set-up fills in, CLOB on Derby
            // a statement ends with a semicolon at the end of a line (seed texts hold semicolons inside lines)
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^\\s*--.*$", "").replace("${large_text}", "CLOB").split(";\\s*(?:\\n|$)"))
                    .filter(sql -> !sql.isBlank()).toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
