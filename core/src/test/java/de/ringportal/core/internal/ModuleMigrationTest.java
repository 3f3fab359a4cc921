package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.api.FlywayException;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

import com.zaxxer.hikari.HikariDataSource;

import de.ringportal.core.api.ModuleSchema;

/** Module migrations against a real embedded Derby, with the scripts served by a (mocked) bundle. */
public class ModuleMigrationTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path directory;
    private HikariDataSource database;

    @Before
    public void openDatabase() throws IOException, SQLException {
        Database.Config config = mock(Database.Config.class);
        when(config.maximumPoolSize()).thenReturn(2);
        when(config.connectionTimeout()).thenReturn(5_000L);
        directory = folder.newFolder("data").toPath().resolve("db");
        database = DerbyPool.open(directory, config);
    }

    @After
    public void closeDatabase() {
        database.close();
        DerbyPool.shutDown(directory);
    }

    /** Scripts run in version order, and the history table keeps each version with its checksum. */
    @Test
    public void good_migrations_create_tables_and_record_version_and_checksum() throws Exception {
        String version = ModuleMigration.migrate(database, folderOf("good"), "notes");

        assertEquals("2", version);
        assertEquals(List.of("erste Notiz"), query("SELECT text FROM test_note"));
        assertEquals(List.of("1", "2"), query("SELECT \"version\" FROM \"schema_history_notes\""
                + " WHERE \"checksum\" IS NOT NULL AND \"success\" = TRUE ORDER BY \"installed_rank\""));
    }

    /** Starting the module again changes nothing: applied scripts are not run twice. */
    @Test
    public void second_run_applies_nothing_and_keeps_the_data() throws Exception {
        ModuleMigration.migrate(database, folderOf("good"), "notes");
        execute("UPDATE test_note SET text = 'geändert' WHERE id = 1");

        assertEquals("2", ModuleMigration.migrate(database, folderOf("good"), "notes"));
        assertEquals(List.of("geändert"), query("SELECT text FROM test_note"));
    }

    /** A failing script rolls back every pending script of the module, so its tables do not exist at all. */
    @Test
    public void failing_migration_leaves_the_database_as_it_was() throws Exception {
        assertThrows(FlywayException.class, () -> ModuleMigration.migrate(database, folderOf("broken"), "broken"));

        assertFalse(tableExists("TEST_NOTE"));
    }

    /** A script changed after it ran is refused rather than silently skipped. */
    @Test
    public void changed_script_is_refused_by_checksum() throws Exception {
        ModuleMigration.migrate(database, folderOf("good"), "notes");
        execute("UPDATE \"schema_history_notes\" SET \"checksum\" = 1 WHERE \"version\" = '1'");

        assertThrows(FlywayException.class, () -> ModuleMigration.migrate(database, folderOf("good"), "notes"));
        assertTrue(tableExists("TEST_NOTE"));
    }

    private ScriptFolder folderOf(String folderName) throws IOException, java.net.URISyntaxException {
        return ScriptFolder.of(bundleWith(folderName));
    }

    private Bundle bundleWith(String folderName) throws IOException, java.net.URISyntaxException {
        Path scripts = Path.of(getClass().getResource("/migrations/" + folderName).toURI());
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(scripts)) {
            for (Path file : files.sorted().toList()) {
                urls.add(file.toUri().toURL());
            }
        }
        Bundle bundle = mock(Bundle.class);
        when(bundle.findEntries(eq(ModuleSchema.MIGRATIONS), anyString(), anyBoolean()))
                .thenAnswer(call -> {
                    String prefix = ((String) call.getArgument(1)).replace("*", "");
                    return Collections.enumeration(urls.stream()
                            .filter(url -> Path.of(url.getPath()).getFileName().toString().startsWith(prefix))
                            .toList());
                });
        when(bundle.getEntry(anyString())).thenAnswer(call -> {
            String name = ((String) call.getArgument(0)).substring(ModuleSchema.MIGRATIONS.length() + 1);
            return urls.stream().filter(url -> url.getPath().endsWith("/" + name)).findFirst().orElse(null);
        });
        return bundle;
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = database.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
            return tables.next();
        }
    }
}
