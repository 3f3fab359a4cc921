package de.ringportal.auth.internal;

import java.io.IOException;

import de.ringportal.core.api.Access;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page only administrators reach, whatever the method: anonymous visitors are sent to the login page (GET) or
 * refused, everyone else without the Administration role gets 403, before any page code runs.
 */
abstract class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    protected final transient Access access;

    AdminServlet(Access access) {
        this.access = access;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (access.require(request, response, access.mayAdminister(request))) {
            super.service(request, response);
        }
    }

    /** The acting administrator and the address the request came from, for the audit log. */
    protected AccountAdministration.Actor actor(HttpServletRequest request) {
        return new AccountAdministration.Actor(access.viewer(request).userName(), request.getRemoteAddr());
    }

    /** The sub-navigation of the administration pages, with the current section marked. */
    public record Nav(String accounts, String audit) {

        static Nav forAccounts(boolean exactly) {
            return new Nav(exactly ? "page" : "true", null);
        }

        static Nav forAudit() {
            return new Nav(null, "page");
        }
    }
}
