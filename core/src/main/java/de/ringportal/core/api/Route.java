package de.ringportal.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Registers a servlet component as a page of the portal: a component property type over the OSGi Servlet
 * Whiteboard that sets the URL patterns and selects the portal's servlet context.
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;Route(servlet_pattern = "/impressum")
 * public class ImprintPage extends HttpServlet { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Route {

    /** Element names map to {@code osgi.http.whiteboard.servlet.pattern} and {@code osgi.http.whiteboard.context.select}. */
    String PREFIX_ = "osgi.http.whiteboard.";

    /** The site's root: the pattern of the start page (the servlet specification's empty-string mapping). */
    String ROOT = "";

    /**
     * Servlet URL pattern of the page, such as {@code "/impressum"}, or {@code "/kommunen/*"}, which also matches
     * {@code "/kommunen"}. One pattern per page: a single value also carries {@link #ROOT}, which an array cannot.
     */
    String servlet_pattern();

    /** The servlet context to join; leave the default, which is the portal's. */
    String context_select() default PortalContext.SELECT;
}
