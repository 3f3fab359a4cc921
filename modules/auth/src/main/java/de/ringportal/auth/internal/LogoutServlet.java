package de.ringportal.auth.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /abmelden}: ends the session on the server, clears its cookie and goes to the start page. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/abmelden")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SessionStore sessions;
    private final transient AuditLog audit;
    private final transient Access access;

    @Activate
    public LogoutServlet(@Reference SessionStore sessions, @Reference AuditLog audit, @Reference Access access) {
        this.sessions = sessions;
        this.audit = audit;
        this.access = access;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        if (sessions.end(request, response).isPresent() && !viewer.isAnonymous()) {
            audit.record(Event.LOGOUT, viewer.userName(), viewer.userName(), request.getRemoteAddr(), null);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/");
    }
}
