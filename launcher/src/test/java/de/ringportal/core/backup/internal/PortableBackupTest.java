package de.ringportal.core.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.internal.SchemaScripts;
import de.ringportal.core.testing.TestPostgres;

/**
 * The backup format is portable: every shipped module's tables, with what their migrations seed plus a news article
 * with long text, backed up from Derby, restored into PostgreSQL, backed up there and restored into a new Derby give
 * the same rows in every table, and the identity columns go on after the restored values on both. PostgreSQL is the
 * test run's server ({@link TestPostgres}).
 */
public class PortableBackupTest {

    private static final Path BUNDLES = Path.of("target/classes/bundles");

    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void derby_to_postgresql_to_derby_gives_identical_tables() throws Exception {
        DataSource derby = derby("portable-backup-source");
        JarModules sourceModules = new JarModules(derby);
        for (String schema : sourceModules.schemas()) {
            sourceModules.migrate(schema, sourceModules.newest(schema).orElseThrow());
        }
        try (Connection connection = derby.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO news_article (url_year, slug, title, teaser, body, author, author_user, status, "
                        + "published_at, updated_at) VALUES (2026, 'umzug', 'Umzug', 'Kurz', ?, 'Redaktion', "
                        + "'redaktion', 'published', ?, ?)")) {
            insert.setString(1, "Langer Text mit „Anführung“, \\ und \n Zeilen. ".repeat(500));
            insert.setTimestamp(2, Timestamp.valueOf("2026-12-04 18:00:00.123"));
            insert.setTimestamp(3, Timestamp.valueOf("2026-12-04 18:00:00.123"));
            insert.executeUpdate();
        }
        Path fromDerby = backup(derby, sourceModules);

        DataSource postgres = TestPostgres.newDatabase("portable_backup");
        new Restorer(postgres, temporary.newFolder().toPath(), new JarModules(postgres)).restore(fromDerby);
        Path fromPostgres = backup(postgres, new JarModules(postgres));

        DataSource derbyAgain = derby("portable-backup-target");
        new Restorer(derbyAgain, temporary.newFolder().toPath(), new JarModules(derbyAgain)).restore(fromPostgres);
        Path fromDerbyAgain = backup(derbyAgain, new JarModules(derbyAgain));

        Map<String, List<String>> original = rows(fromDerby);
        assertTrue("news, reports, key figures, site pages: " + original.keySet(), original.keySet().containsAll(
                List.of("news_article", "reports_version", "kf_figure", "site_page", "auth_account", "ring")));
        assertTrue("the seeded site pages are there", !original.get("site_page").isEmpty());
        assertEquals(original, rows(fromPostgres));
        assertEquals(original, rows(fromDerbyAgain));
        assertEquals(manifestOf(fromDerby).schemas(), manifestOf(fromPostgres).schemas());

        for (DataSource restored : List.of(postgres, derbyAgain)) {
            try (Connection connection = restored.getConnection(); PreparedStatement insert = connection
                    .prepareStatement("INSERT INTO news_article (url_year, slug, title, teaser, body, author, "
                            + "author_user, status, published_at, updated_at) VALUES (2026, 'neu', 'Neu', 'Kurz', "
                            + "'Text', 'R', 'r', 'published', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.executeUpdate();
            }
        }
    }

    private Path backup(DataSource dataSource, Modules modules) throws Exception {
        Path file = temporary.getRoot().toPath().resolve("sicherung-" + System.nanoTime() + ".zip");
        new BackupWriter(dataSource, temporary.newFolder().toPath(), modules, "test", Clock.systemUTC())
                .write(file, step -> { });
        return file;
    }

    private static Manifest manifestOf(Path file) throws Refused {
        try (BackupFile backup = BackupFile.open(file)) {
            return backup.manifest();
        }
    }

    /** Table name to its row lines (the header, with the database's type names, left out), sorted. */
    private static Map<String, List<String>> rows(Path file) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (BackupFile backup = BackupFile.open(file)) {
            for (Manifest.TableEntry table : backup.manifest().tables()) {
                List<String> lines = new ArrayList<>();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(backup.part(table.part()),
                        StandardCharsets.UTF_8))) {
                    in.readLine();
                    for (String line; (line = in.readLine()) != null;) {
                        lines.add(line);
                    }
                }
                Collections.sort(lines);
                tables.put(table.name(), lines);
            }
        }
        return tables;
    }

    private static DataSource derby(String name) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:" + name);
        derby.setCreateDatabase("create");
        return derby;
    }

    /** The shipped module jars as {@link Modules}: their schema header and migration scripts. */
    private static final class JarModules implements Modules {
        private final DataSource dataSource;
        private final Map<String, Bundle> bundles = new HashMap<>();

        JarModules(DataSource dataSource) throws IOException {
            this.dataSource = dataSource;
            try (Stream<Path> shipped = Files.list(BUNDLES)) {
                for (Path jar : shipped.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        String schema = file.getManifest() == null ? null
                                : file.getManifest().getMainAttributes().getValue(ModuleSchema.HEADER);
                        if (schema != null) {
                            bundles.put(schema, scriptsOf(jar, file.stream().map(e -> e.getName()).toList()));
                        }
                    }
                }
            }
        }

        List<String> schemas() {
            return List.copyOf(new TreeMap<>(bundles).keySet());
        }

        @Override
        public Optional<String> newest(String schema) {
            return Optional.ofNullable(bundles.get(schema)).map(SchemaScripts::newest);
        }

        @Override
        public void migrate(String schema, String version) {
            SchemaScripts.migrate(dataSource, bundles.get(schema), schema, version);
        }

        @Override
        public List<Installed> installed() {
            return List.of();
        }

        @Override
        public void install(String location, byte[] jar) {
            throw new UnsupportedOperationException();
        }
    }

    /** A bundle as far as the migrations read one: its entries under db/migration, from the jar. */
    private static Bundle scriptsOf(Path jar, List<String> names) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEntry" -> names.contains((String) args[0]) ? url(jar, (String) args[0]) : null;
                    case "findEntries" -> {
                        String prefix = args[0] + "/" + ((String) args[1]).replace("*", "");
                        List<URL> found = new ArrayList<>();
                        for (String name : names) {
                            if (name.startsWith(prefix) && name.indexOf('/', ((String) args[0]).length() + 1) < 0) {
                                found.add(url(jar, name));
                            }
                        }
                        yield Collections.enumeration(found);
                    }
                    case "getSymbolicName", "toString" -> "bundle " + jar.getFileName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static URL url(Path jar, String entry) throws MalformedURLException {
        return new URL("jar:" + jar.toUri() + "!/" + entry);
    }
}
