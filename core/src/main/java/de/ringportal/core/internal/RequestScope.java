package de.ringportal.core.internal;

import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The values every template rendered for a request can use besides its model. The CSRF token is issued only when a
 * template asks for it, so pages without forms set no cookie.
 */
public final class RequestScope {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    RequestScope(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    public String csrfParameter() {
        return PortalContext.CSRF_PARAMETER;
    }

    public String csrfToken() {
        return CsrfTokens.tokenFor(request, response);
    }

    public Viewer viewer() {
        return request.getAttribute(PortalContext.VIEWER) instanceof Viewer viewer ? viewer : Viewer.ANONYMOUS;
    }
}
