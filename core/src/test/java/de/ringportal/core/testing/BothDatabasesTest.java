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
        Request request = Request.aClass(NotingStoreTest.class);
        List<String> names = request.getRunner().getDescription().getChildren().stream()
                .flatMap(database -> database.getChildren().stream()).map(Description::getMethodName).toList();

        Result result = new JUnitCore().run(request);

        assertTrue(result.getFailures().toString(), result.wasSuccessful());
        assertEquals(List.of("notes_its_database[derby]", "notes_its_database[postgresql]"), names);
        assertEquals("derby=Apache Derby;postgresql=PostgreSQL;", NotingStoreTest.SEEN.toString());
        assertEquals("Derby again after the class", TestDatabase.Kind.DERBY, TestDatabase.current());
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
