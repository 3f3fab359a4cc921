package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** A fresh in-memory Derby database with this module's migrations applied (in order), one per call. */
final class TestDatabase {

    private static final AtomicInteger COUNT = new AtomicInteger();
    /** This module's scripts, in the order Flyway applies them. */
    private static final String[] MIGRATIONS = {"V1__reports.sql", "V2__text_recognition.sql"};

    static {
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    private TestDatabase() {
    }

    static DataSource migrated() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:reports-test-" + COUNT.incrementAndGet());
        dataSource.setCreateDatabase("create");
        for (String migration : MIGRATIONS) {
            migrate(dataSource, migration);
        }
        return dataSource;
    }

    private static void migrate(DataSource dataSource, String migration) {
        try (InputStream in = TestDatabase.class.getResourceAsStream("/db/migration/" + migration);
                Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // ${large_text}: the placeholder core's Flyway set-up fills in, CLOB on Derby
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "")
                    .replace("${large_text}", "CLOB");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
