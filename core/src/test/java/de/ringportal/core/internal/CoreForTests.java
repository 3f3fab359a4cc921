package de.ringportal.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.ringportal.core.api.ModuleSchema;

/**
 * Core's package-private code as the modules' tests need it, shipped in core's test-jar (flat class path only, never a
 * bundle): the real {@link ModuleMigration} over a module's scripts on the test class path.
 */
public final class CoreForTests {

    private CoreForTests() {
    }

    /**
     * Runs the module's migrations as core does when the bundle starts, and returns the newest applied version.
     *
     * @param owner any main class of the module: its scripts are the {@value ModuleSchema#MIGRATIONS} folder of the
     *        class path entry (folder or jar) that holds this class, so other modules' scripts on the class path stay
     *        out
     * @param schema the module's schema name (its {@code Ringportal-Schema} header)
     */
    public static String migrate(DataSource dataSource, Class<?> owner, String schema) {
        return ModuleMigration.migrate(dataSource, onClassPath(owner), schema);
    }

    static ScriptFolder onClassPath(Class<?> owner) {
        Path root;
        try {
            root = Path.of(owner.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No class path entry for " + owner, e);
        }
        List<URL> scripts = Files.isDirectory(root) ? inFolder(root.resolve(ModuleSchema.MIGRATIONS)) : inJar(root);
        if (scripts.isEmpty()) {
            throw new IllegalArgumentException("No migration scripts next to " + owner + " in " + root
                    + " (pass a main class of the module, not a test class)");
        }
        return new ScriptFolder() {
            @Override
            public URL entry(String name) {
                return scripts.stream().filter(url -> fileName(url).equals(name)).findFirst().orElse(null);
            }

            @Override
            public List<URL> list(String prefix) {
                return scripts.stream().filter(url -> fileName(url).startsWith(prefix)).toList();
            }

            @Override
            public String toString() {
                return root.resolve(ModuleSchema.MIGRATIONS).toString();
            }
        };
    }

    private static List<URL> inFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<URL> urls = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                urls.add(file.toUri().toURL());
            }
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<URL> inJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<URL> urls = new ArrayList<>();
            for (String name : file.stream().map(JarEntry::getName).sorted().toList()) {
                String rest = name.startsWith(ModuleSchema.MIGRATIONS + "/")
                        ? name.substring(ModuleSchema.MIGRATIONS.length() + 1) : "";
                if (!rest.isEmpty() && !rest.contains("/")) {
                    urls.add(jarUrl(jar, name));
                }
            }
            return urls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL jarUrl(Path jar, String name) throws IOException {
        return URI.create("jar:" + jar.toUri() + "!/" + name).toURL();
    }

    private static String fileName(URL url) {
        return url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
    }
}
