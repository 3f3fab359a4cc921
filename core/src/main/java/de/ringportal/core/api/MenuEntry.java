package de.ringportal.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Contributes a menu entry: put it on any service component (usually the page's servlet). The menu shows exactly the
 * entries whose services are registered, so an entry disappears with the bundle that contributes it.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MenuEntry {

    String PREFIX_ = "ringportal.menu.";

    /** The main navigation below the header. */
    String MAIN = "main";

    /** The links in the footer (Impressum, Datenschutz, ...). */
    String FOOTER = "footer";

    /** Text of the entry, in German. */
    String label();

    /** Site-relative path the entry links to, starting with "/". */
    String path();

    /** Position in its menu; lower comes first. */
    int order() default 100;

    /** Which menu the entry belongs to: {@link #MAIN} or {@link #FOOTER}. */
    String area() default MAIN;

    /** Roles that see the entry; empty means everyone, including anonymous visitors. */
    String[] role() default {};
}
