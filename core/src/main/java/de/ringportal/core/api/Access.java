package de.ringportal.core.api;

import java.io.IOException;

import org.osgi.annotation.versioning.ProviderType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The access rules every module applies on the server, for pages, menu entries and downloads alike. Ring members
 * see the internal area of the rings their municipality belongs to in the current year; ring moderators may also
 * post there; the Redaktion sees and moderates every ring and edits public content; administrators manage accounts,
 * bundles and configuration. Data that belongs to a period (key figures of a year, a ring's report of a year) follows
 * the membership of that period, not today's: see {@link #maySeeRingPeriod} and {@link #maySeeMunicipalityPeriod}.
 */
@ProviderType
public interface Access {

    /** Who sent the request; {@link Viewer#ANONYMOUS} when nobody is logged in. */
    Viewer viewer(HttpServletRequest request);

    /** May the viewer see the internal pages, news and files of this ring? */
    boolean maySeeRing(HttpServletRequest request, String ringId);

    /** May the viewer post and upload in this ring's internal area? */
    boolean mayModerateRing(HttpServletRequest request, String ringId);

    /**
     * May the viewer see this ring's data of that year (its members' values, its median, its report)? The Redaktion
     * and the Administration see every ring in every year; members see the rings their municipality belonged to in
     * that year, whatever ring it belongs to today. {@link #maySeeRing} is this rule for the current year.
     *
     * @since 1.5
     */
    boolean maySeeRingPeriod(HttpServletRequest request, String ringId, int year);

    /**
     * May the viewer moderate this ring's data of that year (see who has not released, file its report)? The
     * Redaktion, and moderators whose municipality belonged to the ring in that year.
     *
     * @since 1.5
     */
    boolean mayModerateRingPeriod(HttpServletRequest request, String ringId, int year);

    /**
     * May the viewer see a municipality's data of that year? Members of that municipality always (it is their own);
     * other members only when they may see, for that year, a ring the municipality belonged to in that year (so a
     * municipality that moved rings shows its earlier years to its earlier ring only); the Redaktion and the
     * Administration always.
     *
     * @param municipality the municipality's Kreisschlüssel (AGS)
     * @since 1.5
     */
    boolean maySeeMunicipalityPeriod(HttpServletRequest request, String municipality, int year);

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
