package de.ringportal.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of this test JVM, and new databases on it. The server is the one named by the environment
 * variable {@value #URL_VARIABLE} (a JDBC URL of its {@code postgres} database with the user, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=ringportal}), so that one server serves a whole run; without
 * it, a throwaway {@link PostgresServer} started on first use (a few seconds) and stopped when the JVM ends. Each
 * {@link #newDatabase} is a new database ({@code CREATE DATABASE}), dropped again when the JVM ends.
 */
public final class TestPostgres {

    /** The environment variable with the JDBC URL of a running server to use instead of starting one. */
    public static final String URL_VARIABLE = "RINGPORTAL_TEST_POSTGRES_URL";

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static String serverUrl;
    private static RuntimeException startFailure;

    private TestPostgres() {
    }

    /** The JDBC URL of the server's {@code postgres} database (starts the server on first use). */
    public static synchronized String serverUrl() {
        if (startFailure != null) {
            throw new IllegalStateException("The PostgreSQL test server did not start (see the first failure)",
                    startFailure);
        }
        if (serverUrl == null) {
            String given = System.getenv(URL_VARIABLE);
            try {
                serverUrl = given == null || given.isBlank() ? started() : given;
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated, "drop test databases"));
        }
        return serverUrl;
    }

    /**
     * A new, empty database on the server, its name {@code prefix} (lower case letters, digits, underscore) with this
     * JVM's process id and a counter, so that test JVMs sharing a server never meet.
     */
    public static DataSource newDatabase(String prefix) {
        return newDatabase(prefix, null);
    }

    /**
     * A new database copied from {@code template} (a database of {@link #newDatabase}, nobody connected to it): the
     * fast way to many databases with the same tables.
     */
    public static DataSource newDatabase(String prefix, DataSource template) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNT.incrementAndGet();
        String from = template == null ? "" : " TEMPLATE " + ((PGSimpleDataSource) template).getDatabaseName();
        execute(server(), "CREATE DATABASE " + name + from);
        synchronized (TestPostgres.class) {
            CREATED.add(name);
        }
        PGSimpleDataSource database = server();
        database.setDatabaseName(name);
        return database;
    }

    private static PGSimpleDataSource server() {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(serverUrl());
        return server;
    }

    private static String started() {
        PostgresServer server = PostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop PostgreSQL test server"));
        return server.url();
    }

    /** Only a shared server keeps the databases after this JVM; a throwaway one is deleted whole anyway. */
    private static void dropCreated() {
        if (System.getenv(URL_VARIABLE) == null || System.getenv(URL_VARIABLE).isBlank()) {
            return;
        }
        List<String> names;
        synchronized (TestPostgres.class) {
            names = List.copyOf(CREATED);
        }
        for (String name : names) {
            try {
                execute(server(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                // the server went first; its databases go with it
                return;
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
