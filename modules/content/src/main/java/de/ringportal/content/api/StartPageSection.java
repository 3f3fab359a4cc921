package de.ringportal.content.api;

import org.osgi.annotation.versioning.ConsumerType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A section a module adds to the start page below its welcome text (the news module's latest articles, for example):
 * a whiteboard, so the start page needs no dependency on the modules that contribute. Sections are ordered by the
 * service property {@link #ORDER} (lower first).
 */
@ConsumerType
public interface StartPageSection {

    /** Service property: position among the sections, an Integer; lower comes first. */
    String ORDER = "ringportal.startpage.order";

    /**
     * The section's HTML for this request (escaped and sanitised by the module), typically a {@code <section>} with
     * an {@code <h2>}; empty when there is nothing to show to this viewer.
     */
    String html(HttpServletRequest request, HttpServletResponse response);
}
