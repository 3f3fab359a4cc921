package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

import de.ringportal.core.api.MenuEntry;
import jakarta.servlet.http.HttpServletRequest;

/** The site layout, compared whole with its golden file, and its escaping. */
public class LayoutTest {

    static Layout layout() {
        Navigation navigation = new Navigation(List.of(
                new MenuItem("Startseite", "/", 0, MenuEntry.MAIN, List.of()),
                new MenuItem("Kommunen", "/kommunen", 20, MenuEntry.MAIN, List.of()),
                new MenuItem("Impressum", "/impressum", 10, MenuEntry.FOOTER, List.of())));
        return new Layout(new BundleTemplates(LayoutTest.class.getClassLoader()::getResource), navigation);
    }

    private static HttpServletRequest requestFor(String path) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRequestURI()).thenReturn(path);
        return request;
    }

    /** Header, menu with the current page marked, content and footer, exactly as the golden file shows. */
    @Test
    public void page_matches_golden_file() throws IOException {
        String html = layout().page(requestFor("/kommunen"), null, "Kommunen", "<p>Inhalt</p>");
        assertEquals(golden("layout.html"), html);
    }

    /** A title is text, never markup: a script tag in it arrives escaped. */
    @Test
    public void title_is_escaped() {
        String html = layout().page(requestFor("/"), null, "<script>alert('x')</script>", "");
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    /** Model values in a module's template are escaped unless the template asks for raw HTML. */
    @Test
    public void template_values_are_escaped_by_default() {
        String html = layout().fragment("error", new ErrorPageServlet.Model(404, "<b>fett</b>", null));
        assertTrue(html.contains("&lt;b&gt;fett&lt;/b&gt;"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = LayoutTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
