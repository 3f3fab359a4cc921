package de.ringportal.core.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The portal's access rules (see {@link Access}); ring membership comes from the rings module when it runs. */
@Component(service = Access.class)
public class AccessImpl implements Access {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RingMemberships memberships;

    private final Clock clock;

    public AccessImpl() {
        this(Clock.systemDefaultZone(), null);
    }

    AccessImpl(Clock clock, RingMemberships memberships) {
        this.clock = clock;
        this.memberships = memberships;
    }

    @Override
    public Viewer viewer(HttpServletRequest request) {
        return request.getAttribute(PortalContext.VIEWER) instanceof Viewer viewer ? viewer : Viewer.ANONYMOUS;
    }

    @Override
    public boolean maySeeRing(HttpServletRequest request, String ringId) {
        return maySeeRingPeriod(request, ringId, Year.now(clock).getValue());
    }

    @Override
    public boolean mayModerateRing(HttpServletRequest request, String ringId) {
        return mayModerateRingPeriod(request, ringId, Year.now(clock).getValue());
    }

    @Override
    public boolean maySeeRingPeriod(HttpServletRequest request, String ringId, int year) {
        Viewer viewer = viewer(request);
        // issue 4: the Redaktion and the Administration see every ring's internal area (only the Redaktion posts)
        return seesEveryRing(viewer) || member(viewer) && ringId != null && ringsOf(viewer.municipality(), year)
                .contains(ringId);
    }

    @Override
    public boolean mayModerateRingPeriod(HttpServletRequest request, String ringId, int year) {
        Viewer viewer = viewer(request);
        return viewer.has(Role.REDAKTION) || viewer.has(Role.RINGMODERATION) && ringId != null
                && ringsOf(viewer.municipality(), year).contains(ringId);
    }

    @Override
    public boolean maySeeMunicipalityPeriod(HttpServletRequest request, String municipality, int year) {
        Viewer viewer = viewer(request);
        if (seesEveryRing(viewer)) {
            return true;
        }
        if (!member(viewer) || municipality == null || viewer.municipality() == null) {
            return false;
        }
        if (municipality.equals(viewer.municipality())) {
            return true;
        }
        // issue 17: the rings the municipality was in that year, not today's, decide who saw its values
        Set<String> theirs = ringsOf(municipality, year);
        return !theirs.isEmpty() && ringsOf(viewer.municipality(), year).stream().anyMatch(theirs::contains);
    }

    @Override
    public boolean mayEditPublicContent(HttpServletRequest request) {
        return viewer(request).has(Role.REDAKTION);
    }

    @Override
    public boolean mayAdminister(HttpServletRequest request) {
        return viewer(request).has(Role.ADMINISTRATION);
    }

    @Override
    public boolean require(HttpServletRequest request, HttpServletResponse response, boolean allowed)
            throws IOException {
        if (allowed) {
            return true;
        }
        if (viewer(request).isAnonymous() && "GET".equals(request.getMethod())) {
            String target = request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(PortalContext.LOGIN_PATH + "?" + PortalContext.LOGIN_TARGET + "="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
        return false;
    }

    private static boolean seesEveryRing(Viewer viewer) {
        return viewer.has(Role.REDAKTION) || viewer.has(Role.ADMINISTRATION);
    }

    private static boolean member(Viewer viewer) {
        return viewer.has(Role.RINGMITGLIED) || viewer.has(Role.RINGMODERATION);
    }

    /** The rings of a municipality in a year; none without the rings module or without a municipality. */
    private Set<String> ringsOf(String municipality, int year) {
        RingMemberships current = memberships;
        return current == null || municipality == null ? Set.of() : current.ringsOf(municipality, year);
    }
}
