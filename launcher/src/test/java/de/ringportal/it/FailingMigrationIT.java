package de.ringportal.it;

import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import com.fasterxml.jackson.databind.JsonNode;

import de.ringportal.core.api.ModuleSchema;

/**
 * Module schemas at runtime: a bundle whose migration fails stays without its schema and leaves the database as it
 * was, while the portal serves on; a bundle with a good migration gets its schema, table and history.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FailingMigrationIT extends PortalTestSupport {

    /** Framework properties carrying the file: URLs of the bundles built for this class. */
    private static final String BROKEN_BUNDLE = "ringportal.it.bundle.broken";
    private static final String EXTRA_BUNDLE = "ringportal.it.bundle.extra";

    private static final String EXTRA_MIGRATION = "CREATE TABLE extra_note (id INT NOT NULL PRIMARY KEY, note VARCHAR(200))";

    private final List<Bundle> installed = new ArrayList<>();

    @Override
    protected Option[] additionalOptions(Path work) throws IOException {
        String broken = SchemaBundles.write(work, "broken", Map.of(
                "V1__create.sql", "CREATE TABLE broken_ok (id INT NOT NULL PRIMARY KEY)",
                "V2__bad.sql", "CREATE TABEL this is not SQL"));
        String extra = SchemaBundles.write(work, "extra", Map.of("V1__create.sql", EXTRA_MIGRATION));
        return new Option[] {
            frameworkProperty(BROKEN_BUNDLE).value(broken),
            frameworkProperty(EXTRA_BUNDLE).value(extra) };
    }

    @After
    public void uninstallTestBundles() throws BundleException {
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    /** A failing second script rolls back the first, registers no schema and degrades health, nothing more. */
    @Test
    public void failing_migration_rolls_back_all_scripts_and_leaves_the_module_without_schema() throws Exception {
        installAndStart(BROKEN_BUNDLE);

        waitFor("/health lists the schema 'broken'", () -> health().path("schemas").has("broken"));
        assertFalse("no ModuleSchema for 'broken'", hasService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=broken)"));
        assertFalse("V1 was rolled back together with V2", tableExists("BROKEN_OK"));
        assertEquals(200, get("/health").status());
        JsonNode health = health();
        assertEquals("DEGRADED", health.path("status").asText());
        assertThat(health.path("schemas").path("broken").asText(), startsWith("FAILED"));
        assertThat(health.path("schemas").path("site").asText(), startsWith("OK"));
        assertEquals(200, get("/").status());
        assertEquals(200, get("/impressum").status());
    }

    /** A good migration registers the module's schema service, creates its table and records version and checksum. */
    @Test
    public void good_migration_registers_the_schema_and_records_version_and_checksum() throws Exception {
        installAndStart(EXTRA_BUNDLE);

        ModuleSchema schema = awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=extra)");
        assertEquals("extra", schema.name());
        assertEquals("1", schema.version());
        assertTrue("the migration created its table", tableExists("EXTRA_NOTE"));
        assertEquals("OK: version 1", health().path("schemas").path("extra").asText());

        try (Connection connection = dataSource().getConnection()) {
            String[] history = findTable(connection.getMetaData(), "schema_history_extra");
            assertNotNull("Flyway's history table of 'extra'", history);
            assertEquals("Flyway quotes the name, so Derby keeps it in lower case", "schema_history_extra", history[1]);
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT * FROM \"" + history[0] + "\".\"" + history[1] + "\"")) {
                boolean found = false;
                while (rows.next()) {
                    if ("1".equals(rows.getString("version"))) {
                        found = true;
                        assertEquals("V1__create.sql", rows.getString("script"));
                        assertEquals(flywayChecksum(EXTRA_MIGRATION), rows.getInt("checksum"));
                        assertTrue(rows.getBoolean("success"));
                    }
                }
                assertTrue("history row of version 1", found);
            }
        }
    }

    private void installAndStart(String property) throws BundleException {
        Bundle bundle = context.installBundle(context.getProperty(property));
        installed.add(bundle);
        bundle.start();
    }

    private DataSource dataSource() {
        return awaitService(DataSource.class, null);
    }

    private boolean tableExists(String name) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
            return tables.next();
        }
    }

    /** Schema and table name as the database stores them, matched ignoring case; null if there is none. */
    private static String[] findTable(DatabaseMetaData metadata, String name) throws SQLException {
        try (ResultSet tables = metadata.getTables(null, null, "%", new String[] { "TABLE" })) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return new String[] { tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME") };
                }
            }
        }
        return null;
    }

    /** Flyway's checksum of a one-line script: the CRC-32 of the line. */
    private static int flywayChecksum(String line) {
        CRC32 crc = new CRC32();
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
