package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The access rules: own ring yes, other rings no, by the ring membership of the current year. */
public class AccessImplTest {

    private static final Clock IN_2012 = Clock.fixed(Instant.parse("2012-06-01T10:00:00Z"), ZoneOffset.UTC);

    /** Biberach (08426) is in ring 3 in 2012 and was in ring 5 in 2011. */
    private static final RingMemberships RINGS = (municipality, year) -> Map.of(
            "08426:2012", Set.of("3"), "08426:2011", Set.of("5")).getOrDefault(municipality + ":" + year, Set.of());

    private final AccessImpl access = new AccessImpl(IN_2012, RINGS);

    /** A member of ring 3 sees ring 3 and not ring 5, where the municipality was the year before. */
    @Test
    public void member_sees_own_ring_of_the_current_year_only() {
        HttpServletRequest request = requestOf(new Viewer("anna", "Anna", "08426", Set.of(Role.RINGMITGLIED)));
        assertTrue(access.maySeeRing(request, "3"));
        assertFalse(access.maySeeRing(request, "5"));
        assertFalse(access.mayModerateRing(request, "3"));
        assertFalse(access.mayEditPublicContent(request));
        assertFalse(access.mayAdminister(request));
    }

    /** A moderator may post in their own ring only. */
    @Test
    public void moderator_moderates_own_ring_only() {
        HttpServletRequest request = requestOf(new Viewer("mo", "Mo", "08426", Set.of(Role.RINGMODERATION)));
        assertTrue(access.maySeeRing(request, "3"));
        assertTrue(access.mayModerateRing(request, "3"));
        assertFalse(access.mayModerateRing(request, "5"));
    }

    /**
     * The project office sees and moderates every ring and edits public content; administration sees every ring
     * but neither moderates nor edits public content.
     */
    @Test
    public void redaktion_sees_and_moderates_all_rings_administration_only_sees_them() {
        HttpServletRequest editor = requestOf(new Viewer("red", "Red", null, Set.of(Role.REDAKTION)));
        assertTrue(access.maySeeRing(editor, "5") && access.mayModerateRing(editor, "5"));
        assertTrue(access.mayEditPublicContent(editor));
        HttpServletRequest admin = requestOf(new Viewer("adm", "Adm", null, Set.of(Role.ADMINISTRATION)));
        assertTrue(access.maySeeRing(admin, "5"));
        assertFalse(access.mayModerateRing(admin, "5"));
        assertFalse(access.mayEditPublicContent(admin));
        assertTrue(access.mayAdminister(admin));
    }

    /** Anonymous visitors see no ring, and a member whose municipality has no ring sees none either. */
    @Test
    public void anonymous_and_ringless_members_see_no_ring() {
        assertFalse(access.maySeeRing(requestOf(Viewer.ANONYMOUS), "3"));
        assertFalse(access.maySeeRing(requestOf(new Viewer("x", "X", "99999", Set.of(Role.RINGMITGLIED))), "3"));
        assertFalse(new AccessImpl(IN_2012, null)
                .maySeeRing(requestOf(new Viewer("anna", "Anna", "08426", Set.of(Role.RINGMITGLIED))), "3"));
    }

    /**
     * Issue 17: Tuttlingen (08327) was in ring 3 until 2010 and is in ring 6 since 2011; Biberach (08426) was in
     * ring 6 all along, Pforzheim (08231) in ring 3 all along.
     */
    private static final RingMemberships MOVED = (municipality, year) -> switch (municipality) {
        case "08327" -> year <= 2010 ? Set.of("3") : Set.of("6");
        case "08426" -> Set.of("6");
        case "08231" -> Set.of("3");
        default -> Set.of();
    };

    /** A member of the new ring sees the moved municipality's new years only; the old ring its old years only. */
    @Test
    public void a_moved_municipalitys_years_belong_to_the_ring_it_was_in_then() {
        AccessImpl rules = new AccessImpl(IN_2012, MOVED);
        HttpServletRequest ring6 = requestOf(new Viewer("b", "B", "08426", Set.of(Role.RINGMITGLIED)));
        HttpServletRequest ring3 = requestOf(new Viewer("p", "P", "08231", Set.of(Role.RINGMITGLIED)));
        HttpServletRequest mover = requestOf(new Viewer("t", "T", "08327", Set.of(Role.RINGMITGLIED)));

        assertFalse(rules.maySeeMunicipalityPeriod(ring6, "08327", 2010));
        assertTrue(rules.maySeeMunicipalityPeriod(ring6, "08327", 2011));
        assertTrue(rules.maySeeMunicipalityPeriod(ring3, "08327", 2010));
        assertFalse(rules.maySeeMunicipalityPeriod(ring3, "08327", 2011));
        assertFalse("ring 3's median of 2010 is not ring 6's", rules.maySeeRingPeriod(ring6, "3", 2010));
        assertTrue(rules.maySeeRingPeriod(ring3, "3", 2010));
        assertFalse(rules.maySeeRingPeriod(ring3, "6", 2011));
        // its own values, and the rings it was in then, stay visible to the moved municipality itself
        assertTrue(rules.maySeeMunicipalityPeriod(mover, "08327", 2010));
        assertTrue(rules.maySeeMunicipalityPeriod(mover, "08327", 2005));
        assertTrue(rules.maySeeRingPeriod(mover, "3", 2010) && !rules.maySeeRingPeriod(mover, "3", 2011));
        assertTrue(rules.maySeeRingPeriod(mover, "6", 2011) && !rules.maySeeRingPeriod(mover, "6", 2010));
    }

    /** The Redaktion sees every year of everyone; moderation follows the year's membership too. */
    @Test
    public void redaktion_sees_every_period_and_moderation_follows_the_period() {
        AccessImpl rules = new AccessImpl(IN_2012, MOVED);
        HttpServletRequest editor = requestOf(new Viewer("red", "Red", null, Set.of(Role.REDAKTION)));
        assertTrue(rules.maySeeMunicipalityPeriod(editor, "08327", 2010));
        assertTrue(rules.maySeeRingPeriod(editor, "3", 2010) && rules.mayModerateRingPeriod(editor, "3", 2010));
        HttpServletRequest moderator = requestOf(new Viewer("t", "T", "08327", Set.of(Role.RINGMODERATION)));
        assertTrue(rules.mayModerateRingPeriod(moderator, "3", 2010));
        assertFalse(rules.mayModerateRingPeriod(moderator, "3", 2011));
        assertFalse("today's ring is 6", rules.mayModerateRing(moderator, "3"));
    }

    /** Nobody without a ring of that year sees another municipality's values; anonymous visitors none at all. */
    @Test
    public void without_a_shared_ring_of_that_year_nothing_is_visible() {
        AccessImpl rules = new AccessImpl(IN_2012, MOVED);
        assertFalse(rules.maySeeMunicipalityPeriod(requestOf(Viewer.ANONYMOUS), "08327", 2011));
        HttpServletRequest ringless = requestOf(new Viewer("x", "X", "99999", Set.of(Role.RINGMITGLIED)));
        assertFalse(rules.maySeeMunicipalityPeriod(ringless, "99998", 2011));
        assertFalse(rules.maySeeMunicipalityPeriod(ringless, "08327", 2011));
        assertFalse(new AccessImpl(IN_2012, null).maySeeMunicipalityPeriod(
                requestOf(new Viewer("b", "B", "08426", Set.of(Role.RINGMITGLIED))), "08327", 2011));
    }

    /** A refused anonymous GET goes to the login page with the way back; a refused member gets 403. */
    @Test
    public void require_sends_anonymous_to_login_and_members_to_403() throws Exception {
        HttpServletRequest anonymous = requestOf(Viewer.ANONYMOUS);
        when(anonymous.getMethod()).thenReturn("GET");
        when(anonymous.getRequestURI()).thenReturn("/ringe/5");
        when(anonymous.getQueryString()).thenReturn("jahr=2012");
        HttpServletResponse response = mock(HttpServletResponse.class);
        assertFalse(access.require(anonymous, response, false));
        verify(response).sendRedirect("/anmelden?ziel=%2Fringe%2F5%3Fjahr%3D2012");

        HttpServletRequest member = requestOf(new Viewer("anna", "Anna", "08426", Set.of(Role.RINGMITGLIED)));
        when(member.getMethod()).thenReturn("GET");
        HttpServletResponse forbidden = mock(HttpServletResponse.class);
        assertFalse(access.require(member, forbidden, access.maySeeRing(member, "5")));
        verify(forbidden).sendError(403);
        assertTrue(access.require(member, mock(HttpServletResponse.class), true));
    }

    /** isUserInRole on the wrapped request answers from the viewer's roles, by role id. */
    @Test
    public void servlet_api_sees_the_viewer() {
        ViewerRequest request = new ViewerRequest(mock(HttpServletRequest.class),
                new Viewer("anna", "Anna", "08426", Set.of(Role.RINGMITGLIED)));
        assertTrue(request.isUserInRole("ringmitglied"));
        assertFalse(request.isUserInRole("administration"));
        assertEquals("anna", request.getRemoteUser());
    }

    private static HttpServletRequest requestOf(Viewer viewer) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getAttribute(PortalContext.VIEWER)).thenReturn(viewer);
        return request;
    }
}
