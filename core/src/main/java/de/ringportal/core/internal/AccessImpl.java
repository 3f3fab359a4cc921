package de.ringportal.core.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Year;

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
        Viewer viewer = viewer(request);
        // issue 4: the Redaktion and the Administration see every ring's internal area (only the Redaktion posts)
        return viewer.has(Role.REDAKTION) || viewer.has(Role.ADMINISTRATION)
                || (viewer.has(Role.RINGMITGLIED) || viewer.has(Role.RINGMODERATION)) && inRing(viewer, ringId);
    }

    @Override
    public boolean mayModerateRing(HttpServletRequest request, String ringId) {
        Viewer viewer = viewer(request);
        return viewer.has(Role.REDAKTION) || viewer.has(Role.RINGMODERATION) && inRing(viewer, ringId);
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

    private boolean inRing(Viewer viewer, String ringId) {
        RingMemberships current = memberships;
        return current != null && viewer.municipality() != null && ringId != null
                && current.ringsOf(viewer.municipality(), Year.now(clock).getValue()).contains(ringId);
    }
}
