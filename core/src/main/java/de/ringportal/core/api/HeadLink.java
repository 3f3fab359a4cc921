package de.ringportal.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Adds a {@code <link>} to the head of every page (a feed's {@code rel="alternate"}, for example): put it on any
 * service component. Like {@link MenuEntry}, the link exists exactly as long as the service.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HeadLink {

    String PREFIX_ = "ringportal.head.";

    /** Site-relative target, starting with "/". */
    String href();

    /** The link relation. */
    String rel() default "alternate";

    /** Media type of the target, such as {@code application/atom+xml}. */
    String type();

    /** Human-readable title, in German. */
    String title();
}
