package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/**
 * The modules' test database: a class path folder of scripts applied by the real {@link ModuleMigration}, so the
 * history table, the {@code ${large_text}} placeholder and Flyway's statement parsing are the ones production uses.
 * The scripts are this test's own {@code db/migration} folder (core's test resources, not shipped in the test-jar).
 * On Derby and on PostgreSQL (there the scripts run once into a template that each call copies).
 */
@RunWith(BothDatabases.class)
public class ClassPathScriptsTest {

    @Test
    public void scripts_run_in_version_order_through_core_migration_with_its_history_table() {
        DataSource database = TestDatabase.migrated(ClassPathScriptsTest.class, "probe");

        assertEquals(2, TestDatabase.count(database, "SELECT COUNT(*) FROM probe_note"));
        assertEquals(1, TestDatabase.count(database, "SELECT COUNT(*) FROM probe_note"
                + " WHERE id = 1 AND CAST(body AS VARCHAR(100)) = 'erste Notiz; mit Semikolon'"));
        assertEquals(2, TestDatabase.count(database, "SELECT COUNT(*) FROM \"schema_history_probe\""
                + " WHERE \"success\" = TRUE AND \"checksum\" IS NOT NULL"));
    }

    @Test
    public void large_text_placeholder_becomes_clob_on_derby_and_text_on_postgresql() throws SQLException {
        DataSource database = TestDatabase.migrated(ClassPathScriptsTest.class, "probe");
        boolean derby = TestDatabase.current() == TestDatabase.Kind.DERBY;

        try (Connection connection = database.getConnection(); ResultSet column = connection.getMetaData()
                .getColumns(null, null, derby ? "PROBE_NOTE" : "probe_note", derby ? "BODY" : "body")) {
            assertTrue(column.next());
            assertEquals(derby ? "CLOB" : "text", column.getString("TYPE_NAME"));
        }
    }

    /** What a test writes into its database, the next test's database does not hold. */
    @Test
    public void every_call_gives_a_fresh_database() throws SQLException {
        DataSource first = TestDatabase.migrated(ClassPathScriptsTest.class, "probe");
        try (Connection connection = first.getConnection()) {
            connection.createStatement().executeUpdate("DELETE FROM probe_note");
        }
        DataSource second = TestDatabase.migrated(ClassPathScriptsTest.class, "probe");

        assertNotSame(first, second);
        assertEquals(0, TestDatabase.count(first, "SELECT COUNT(*) FROM probe_note"));
        assertEquals(2, TestDatabase.count(second, "SELECT COUNT(*) FROM probe_note"));
    }

    /** A class from a class path entry without scripts (here: Flyway's jar) is refused, not silently migrated empty. */
    @Test
    public void owner_without_scripts_next_to_it_is_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestDatabase.migrated(org.flywaydb.core.Flyway.class, "flyway"));

        assertTrue(refused.getMessage(), refused.getMessage().startsWith("No migration scripts next to"));
    }
}
