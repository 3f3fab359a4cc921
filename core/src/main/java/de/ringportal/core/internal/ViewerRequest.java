package de.ringportal.core.internal;

import java.security.Principal;

import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The request as pages see it: the servlet API's user methods answer from the request's {@link Viewer}. */
final class ViewerRequest extends HttpServletRequestWrapper {

    private final Viewer viewer;

    ViewerRequest(HttpServletRequest request, Viewer viewer) {
        super(request);
        this.viewer = viewer;
    }

    @Override
    public String getRemoteUser() {
        return viewer.isAnonymous() ? null : viewer.userName();
    }

    @Override
    public Principal getUserPrincipal() {
        return viewer.isAnonymous() ? null : viewer::userName;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.fromId(role).map(viewer::has).orElse(false);
    }

    @Override
    public String getAuthType() {
        return viewer.isAnonymous() ? null : FORM_AUTH;
    }
}
