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
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

    /**
     * Core's real template rendering and site layout without OSGi, for {@code TestViews}: templates under
     * {@code shared/} and the layout come from core's class path entry, the others from {@code moduleEntries}; the
     * menu has three fixed entries (Startseite, Kommunen, Impressum) as in core's layout golden file.
     */
    public static final class Pages implements Views {

        private final BundleTemplates templates;
        private final Layout layout;

        public Pages(Function<String, URL> moduleEntries) {
            ClassLoader core = CoreForTests.class.getClassLoader();
            this.templates = new BundleTemplates(file -> file.startsWith(ViewsImpl.SHARED) ? core.getResource(file)
                    : moduleEntries.apply(file));
            this.layout = new Layout(new BundleTemplates(core::getResource), new Navigation(List.of(
                    new MenuItem("Startseite", "/", 0, MenuEntry.MAIN, List.of()),
                    new MenuItem("Kommunen", "/kommunen", 20, MenuEntry.MAIN, List.of()),
                    new MenuItem("Impressum", "/impressum", 10, MenuEntry.FOOTER, List.of()))));
        }

        @Override
        public void render(HttpServletRequest request, HttpServletResponse response, String title, String template,
                Object model) throws IOException {
            ViewsImpl.write(response, layout.page(request, response, title, fragment(request, response, template,
                    model)));
        }

        @Override
        public String fragment(String template, Object model) {
            return templates.render(template, model);
        }

        @Override
        public String fragment(HttpServletRequest request, HttpServletResponse response, String template,
                Object model) {
            return templates.render(template, new RequestScope(request, response), model);
        }

        /** The template with fixed request values ({@code requestScope}'s), for golden files. */
        public String fragmentWith(Object requestScope, String template, Object model) {
            return templates.render(template, requestScope, model);
        }

        /** The whole page around already rendered content. */
        public String page(HttpServletRequest request, String title, String contentHtml) {
            return layout.page(request, null, title, contentHtml);
        }
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
