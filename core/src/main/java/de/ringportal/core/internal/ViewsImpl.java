package de.ringportal.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import de.ringportal.core.api.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link Views} for one using bundle. The service is bundle-scoped: SCR creates an instance per bundle that gets it
 * and drops it, with its compiled templates, when that bundle releases the service (for example when it stops).
 * Templates under {@code shared/} (such as {@code {{> shared/pager}}}) come from the core bundle, all others from the
 * using bundle.
 */
@Component(service = Views.class, scope = ServiceScope.BUNDLE)
public class ViewsImpl implements Views {

    /** Where the shared templates are, in the core bundle: {@code templates/shared/}. */
    static final String SHARED = "templates/shared/";

    private final BundleTemplates templates;
    private final Layout layout;

    @Activate
    public ViewsImpl(ComponentContext context, @Reference Layout layout) {
        Bundle owner = context.getUsingBundle();
        Bundle core = context.getBundleContext().getBundle();
        this.templates = new BundleTemplates(file -> (file.startsWith(SHARED) ? core : owner).getEntry(file));
        this.layout = layout;
    }

    @Override
    public void render(HttpServletRequest request, HttpServletResponse response, String title, String template,
            Object model) throws IOException {
        String content = templates.render(template, new RequestScope(request, response), model);
        write(response, layout.page(request, response, title, content));
    }

    @Override
    public String fragment(String template, Object model) {
        return templates.render(template, model);
    }

    @Override
    public String fragment(HttpServletRequest request, HttpServletResponse response, String template, Object model) {
        return templates.render(template, new RequestScope(request, response), model);
    }

    static void write(HttpServletResponse response, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
