package de.ringportal.core.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Renders a module's Mustache templates inside the site layout. Each bundle that gets this service gets its own
 * instance, which reads {@code templates/<name>.mustache} from that bundle and caches the compiled templates until
 * the bundle releases the service. Values are HTML-escaped unless a template uses triple braces.
 * <p>
 * Besides the model, templates rendered for a request see {@code {{csrfParameter}}} and {@code {{csrfToken}}} (every
 * form that changes state needs them, best through {@code {{> shared/csrf}}} below) and {@code {{viewer}}}, the
 * {@link Viewer} of the request.
 * <p>
 * Shared templates, read from the core bundle:
 * <ul>
 * <li>{@code {{#pager}}{{> shared/pager}}{{/pager}}} draws the page links of a {@link Pager};</li>
 * <li>{@code {{> shared/csrf}}} writes the form's hidden CSRF field,
 * {@code <input type="hidden" name="{{csrfParameter}}" value="{{csrfToken}}">} (the partial has no line break of its
 * own, so put it on a line by itself);</li>
 * <li>{@code {{> shared/error-summary}}} writes the error summary at the top of a form when the model's
 * {@code hasErrors} is true: the heading "Bitte prüfen Sie Ihre Angaben" and, for each entry of {@code errors}, its
 * {@code message} linked to the field's anchor {@code #target}.</li>
 * </ul>
 */
@ProviderType
public interface Views {

    /**
     * Writes a complete page: the template rendered with {@code model}, inside the layout with header, menu and footer.
     *
     * @param title the page title, shown in the browser tab and as the first heading
     */
    void render(HttpServletRequest request, HttpServletResponse response, String title, String template, Object model)
            throws IOException;

    /** Renders a template of the calling bundle alone, without the layout and without request values. */
    String fragment(String template, Object model);

    /** Renders a template of the calling bundle alone, with the request values (CSRF token, viewer). */
    String fragment(HttpServletRequest request, HttpServletResponse response, String template, Object model);
}
