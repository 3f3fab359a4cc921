package de.ringportal.core.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.Test;

import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.forms.FormErrors;

/** TestViews renders a module's template with core's partials inside the real layout, the same on every run. */
public class TestViewsTest {

    private final TestViews views = TestViews.of(TestViewsTest.class);

    /** The whole page: layout, the menu's current entry, the module's template with the masked CSRF token. */
    @Test
    public void page_is_the_template_in_the_layout_with_a_masked_token() {
        Map<String, Object> model = Map.of("summary", new FormErrors().summary(), "errors", Map.of(), "title", "x");
        String html = views.page("/kommunen", "Neu", "kit-form", model);

        assertTrue(html, html.startsWith("<!DOCTYPE html>"));
        assertTrue(html, html.contains("<a href=\"/kommunen\" aria-current=\"page\">Kommunen</a>"));
        assertTrue(html, html.contains("<input type=\"hidden\" name=\"_csrf\" value=\"CSRF-TOKEN\">"));
        assertEquals(html, views.page("/kommunen", "Neu", "kit-form", model));
        assertEquals(views.html("kit-form", model),
                views.html(new Viewer("r", "R", null, Set.of(Role.REDAKTION)), "kit-form", model));
    }

    /** An upload form carries the token in its action, because core checks it before the body is read. */
    @Test
    public void upload_form_carries_the_token_in_its_action() {
        assertEquals("<form method=\"post\" action=\"/bereich/hochladen?_csrf=CSRF-TOKEN\" "
                + "enctype=\"multipart/form-data\"></form>\n", views.html("kit-upload", Map.of()));
    }
}
