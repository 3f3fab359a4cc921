package de.ringportal.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.internal.CoreForTests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A module's templates rendered as the portal renders them, without OSGi: the module's own {@code templates/} (from
 * the class path entry of a main class), core's {@code shared/} partials and the real site layout (with a fixed menu:
 * Startseite, Kommunen, Impressum).
 * <ul>
 * <li>As {@link Views}, for a servlet in an embedded Jetty: pages carry a real CSRF token.</li>
 * <li>{@link #page} and {@link #html}, for golden files: the CSRF token is always {@value #MASKED_TOKEN}, so the
 * output is the same on every run; compare it whole with {@link #golden}.</li>
 * </ul>
 */
public final class TestViews implements Views {

    /** The CSRF token in {@link #page} and {@link #html}. */
    public static final String MASKED_TOKEN = "CSRF-TOKEN";

    private final CoreForTests.Pages pages;

    private TestViews(CoreForTests.Pages pages) {
        this.pages = pages;
    }

    /**
     * @param owner any main class of the module (not a test class): its templates are read from the class path entry
     *        that holds it, so templates of the same name in other modules on the class path stay out
     */
    public static TestViews of(Class<?> owner) {
        Path root = root(owner);
        ClassLoader loader = owner.getClassLoader();
        return new TestViews(new CoreForTests.Pages(file -> {
            if (Files.isDirectory(root)) {
                Path found = root.resolve(file);
                return Files.isRegularFile(found) ? url(found) : null;
            }
            return loader.getResource(file);
        }));
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, String title, String template,
            Object model) throws IOException {
        pages.render(request, response, title, template, model);
    }

    @Override
    public String fragment(String template, Object model) {
        return pages.fragment(template, model);
    }

    @Override
    public String fragment(HttpServletRequest request, HttpServletResponse response, String template, Object model) {
        return pages.fragment(request, response, template, model);
    }

    /** The template alone, as an anonymous visitor's request renders it, with the masked CSRF token. */
    public String html(String template, Object model) {
        return html(Viewer.ANONYMOUS, template, model);
    }

    /** The template alone, as this viewer's request renders it, with the masked CSRF token. */
    public String html(Viewer viewer, String template, Object model) {
        return pages.fragmentWith(new MaskedScope(viewer), template, model);
    }

    /** The whole page in the layout, for an anonymous visitor at {@code path} (the menu marks it as current). */
    public String page(String path, String title, String template, Object model) {
        return page(path, Viewer.ANONYMOUS, title, template, model);
    }

    /** The whole page in the layout, for this viewer at {@code path} (the menu shows what the viewer's roles see). */
    public String page(String path, Viewer viewer, String title, String template, Object model) {
        return pages.page(request(path, viewer), title, html(viewer, template, model));
    }

    /** A golden file from the test class path, {@code /golden/<name>}, as UTF-8. */
    public static String golden(String name) {
        try (InputStream in = TestViews.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file /golden/" + name + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request values every template sees, with a fixed token. */
    public record MaskedScope(Viewer viewer) {

        public String csrfParameter() {
            return PortalContext.CSRF_PARAMETER;
        }

        public String csrfToken() {
            return MASKED_TOKEN;
        }
    }

    /** Just enough of a request for the layout: its path and its viewer. */
    private static HttpServletRequest request(String path, Viewer viewer) {
        Map<String, Object> attributes = Map.of(PortalContext.VIEWER, viewer);
        return (HttpServletRequest) Proxy.newProxyInstance(TestViews.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> path;
                    case "getAttribute" -> attributes.get(args[0]);
                    case "getMethod" -> "GET";
                    case "toString" -> "TestViews request " + path;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("TestViews request: " + method.getName());
                });
    }

    private static Path root(Class<?> owner) {
        try {
            return Path.of(owner.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No class path entry for " + owner, e);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
