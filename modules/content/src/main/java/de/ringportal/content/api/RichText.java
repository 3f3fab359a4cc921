package de.ringportal.content.api;

import org.osgi.annotation.versioning.ProviderType;

/** Markdown as editors write it, rendered to HTML that is safe to put into a page as it is. */
@ProviderType
public interface RichText {

    /**
     * Renders Markdown and sanitises the result: no scripts, no event handlers, no {@code javascript:} links,
     * no raw HTML beyond a small allow-list. Null or blank gives an empty string.
     */
    String toHtml(String markdown);

    /** The plain text of the Markdown (for teasers, search and feeds). */
    String toText(String markdown);
}
