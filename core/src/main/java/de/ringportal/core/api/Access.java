package de.ringportal.core.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The access rules every module applies on the server, for pages, menu entries and downloads alike. Ring members
 * see the internal area of the rings their municipality belongs to in the current year; ring moderators may also
 * post there; the Redaktion sees and moderates every ring and edits public content; administrators manage accounts,
 * bundles and configuration.
 */
@ProviderType
public interface Access {

    /** Who sent the request; {@link Viewer#ANONYMOUS} when nobody is logged in. */
    Viewer viewer(HttpServletRequest request);

    /** May the viewer see the internal pages, news and files of this ring? */
    boolean maySeeRing(HttpServletRequest request, String ringId);

    /** May the viewer post and upload in this ring's internal area? */
    boolean mayModerateRing(HttpServletRequest request, String ringId);

    /** May the viewer edit the public pages and news? */
    boolean mayEditPublicContent(HttpServletRequest request);

    /** May the viewer manage accounts, bundles and configuration? */
    boolean mayAdminister(HttpServletRequest request);

    /**
     * Enforces a decision: returns true when {@code allowed}; otherwise answers the request (anonymous visitors are
     * sent to the login page and come back here afterwards, logged-in people get 403) and returns false.
     */
    boolean require(HttpServletRequest request, HttpServletResponse response, boolean allowed) throws IOException;
}
