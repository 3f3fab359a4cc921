package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;
import org.osgi.framework.Bundle;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.TestPostgres;

/**
 * Every module's migration scripts, taken from the jars the portal ships (and the optional events module), applied by
 * core's own Flyway set-up ({@link ModuleMigration}) to Derby and to PostgreSQL: both end with the same tables and
 * columns. The SQL stays portable, so the portal can move to PostgreSQL when one machine is not enough. PostgreSQL
 * runs on the test run's server ({@link TestPostgres}: a throwaway one of Debian's postgresql package, which test.sh
 * installs, unless test.sh started one for the whole run).
 */
public class PortableMigrationsTest {

    private static final Path BUNDLES = Path.of("target/classes/bundles");
    private static final Path EVENTS = Path.of("../modules/events/target");

    /** Both databases take every script, and end with the same tables with the same columns. */
    @Test
    public void every_module_migrates_on_derby_and_postgresql_to_the_same_schema() throws Exception {
        List<Path> jars = moduleJars();
        assertTrue("the modules with a schema: " + jars, jars.size() >= 10);

        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:portable-migrations");
        derby.setCreateDatabase("create");
        DataSource postgres = TestPostgres.newDatabase("portable_migrations");

        for (Path jar : jars) {
            migrateBoth(jar, derby, postgres);
        }
        Map<String, List<String>> onDerby = columns(derby, "APP");
        Map<String, List<String>> onPostgres = columns(postgres, "public");
        assertTrue("Derby has the reports' and the key figures' tables: " + onDerby.keySet(),
                onDerby.containsKey("reports_report") && onDerby.containsKey("kf_value"));
        assertEquals(onDerby, onPostgres);
        assertEquals("the seed data arrives on both", count(derby, "SELECT COUNT(*) FROM kf_figure"),
                count(postgres, "SELECT COUNT(*) FROM kf_figure"));
        assertEquals("large text is TEXT on PostgreSQL", "text", type(postgres, "reports_version", "text_content"));
    }

    private static void migrateBoth(Path jar, DataSource derby, DataSource postgres) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String schema = file.getManifest().getMainAttributes().getValue(ModuleSchema.HEADER);
            ScriptFolder scripts = ScriptFolder.of(scriptsOf(jar, file));
            String newest = newestVersion(file);
            assertEquals(jar + " on Derby", newest, ModuleMigration.migrate(derby, scripts, schema));
            assertEquals(jar + " on PostgreSQL", newest, ModuleMigration.migrate(postgres, scripts, schema));
        }
    }

    /** The shipped bundles and the optional events module that declare a schema. */
    private static List<Path> moduleJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> shipped = Files.list(BUNDLES); Stream<Path> events = Files.list(EVENTS)) {
            for (Path jar : Stream.concat(shipped, events).filter(path -> path.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    if (file.getManifest() != null
                            && file.getManifest().getMainAttributes().getValue(ModuleSchema.HEADER) != null) {
                        jars.add(jar);
                    }
                }
            }
        }
        return jars;
    }

    private static String newestVersion(JarFile file) {
        return file.stream().map(entry -> entry.getName())
                .filter(name -> name.startsWith(ModuleSchema.MIGRATIONS + "/V") && name.endsWith(".sql"))
                .map(name -> name.substring(name.lastIndexOf("/V") + 2, name.indexOf("__")))
                .max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }

    /** A bundle as far as core's migration reads one: its entries under db/migration, from the jar. */
    private static Bundle scriptsOf(Path jar, JarFile file) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEntry" -> file.getEntry((String) args[0]) == null ? null : url(jar, (String) args[0]);
                    case "findEntries" -> {
                        String prefix = args[0] + "/" + ((String) args[1]).replace("*", "");
                        List<URL> found = new ArrayList<>();
                        for (String name : file.stream().map(entry -> entry.getName()).toList()) {
                            if (name.startsWith(prefix) && name.indexOf('/', ((String) args[0]).length() + 1) < 0) {
                                found.add(url(jar, name));
                            }
                        }
                        yield Collections.enumeration(found);
                    }
                    case "toString" -> "bundle " + jar.getFileName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static URL url(Path jar, String entry) throws MalformedURLException {
        return new URL("jar:" + jar.toUri() + "!/" + entry);
    }

    /** Table name to its column names, lower case, without Flyway's history tables. */
    private static Map<String, List<String>> columns(DataSource dataSource, String schema) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getColumns(null, schema, "%", "%")) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME").toLowerCase();
                if (!table.startsWith("schema_history_")) {
                    tables.computeIfAbsent(table, t -> new ArrayList<>()).add(rows.getString("COLUMN_NAME")
                            .toLowerCase());
                }
            }
        }
        tables.replaceAll((table, names) -> List.copyOf(new TreeSet<>(names)));
        return tables;
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }

    private static String type(DataSource dataSource, String table, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getColumns(null, "public", table, column)) {
            assertTrue(table + "." + column, rows.next());
            String type = rows.getString("TYPE_NAME");
            assertFalse(rows.next());
            return type;
        }
    }
}
