package de.ringportal.core.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.RunWith;

/** The test kit's two databases: each test class runs on both, named so, each call a database of its own. */
public class BothDatabasesTest {

    /** A store test as a module writes one: it notes which database each test got. */
    @RunWith(BothDatabases.class)
    public static class NotingStoreTest {

        static final StringBuilder SEEN = new StringBuilder();
        private final DataSource database = TestDatabase.empty("noting");

        @Test
        public void notes_its_database() throws Exception {
            try (var connection = database.getConnection()) {
                SEEN.append(TestDatabase.current().label()).append('=')
                        .append(connection.getMetaData().getDatabaseProductName()).append(';');
            }
        }
    }

    /** The class runs once per database, in order, each test named with its database, on that very database. */
    @Test
    public void a_class_runs_on_derby_then_postgresql_named_after_each() {
        NotingStoreTest.SEEN.setLength(0);
        String limit = System.clearProperty(BothDatabases.PROPERTY);
        Request request = Request.aClass(NotingStoreTest.class);
        List<String> names;
        Result result;
        try {
            names = request.getRunner().getDescription().getChildren().stream()
                    .flatMap(database -> database.getChildren().stream()).map(Description::getMethodName).toList();
            result = new JUnitCore().run(request);
        } finally {
            if (limit != null) {
                System.setProperty(BothDatabases.PROPERTY, limit);
            }
        }

        assertTrue(result.getFailures().toString(), result.wasSuccessful());
        assertEquals(List.of("notes_its_database[derby]", "notes_its_database[postgresql]"), names);
        assertEquals("derby=Apache Derby;postgresql=PostgreSQL;", NotingStoreTest.SEEN.toString());
        assertEquals("Derby again after the class", TestDatabase.Kind.DERBY, TestDatabase.current());
    }

    /** The property limits a run to one database. */
    @Test
    public void the_property_runs_one_database_only() {
        String limit = System.setProperty(BothDatabases.PROPERTY, "postgresql");
        try {
            List<String> names = Request.aClass(NotingStoreTest.class).getRunner().getDescription().getChildren()
                    .stream().flatMap(database -> database.getChildren().stream()).map(Description::getMethodName)
                    .toList();
            assertEquals(List.of("notes_its_database[postgresql]"), names);
        } finally {
            if (limit == null) {
                System.clearProperty(BothDatabases.PROPERTY);
            } else {
                System.setProperty(BothDatabases.PROPERTY, limit);
            }
        }
    }

    /** Without Debian's server binaries the tests fail, saying how to get them, rather than being skipped. */
    @Test
    public void missing_server_binaries_fail_with_a_clear_message() throws Exception {
        Path empty = Files.createTempDirectory("no-postgresql");
        try {
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> PostgresServer.binaries(empty));
            assertTrue(missing.getMessage(), missing.getMessage().contains("run ./test.sh")
                    && missing.getMessage().contains(TestPostgres.URL_VARIABLE));
        } finally {
            Files.delete(empty);
        }
    }
}
