package de.ringportal.auth.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/** {@code POST /abmelden}: ends the session on the server, clears its cookie and goes to the start page. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/abmelden")
public class LogoutServlet extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient SessionStore sessions;
    private final transient AuditLog audit;

    @Activate
    public LogoutServlet(@Reference SessionStore sessions, @Reference AuditLog audit, @Reference Access access,
            @Reference Views views) {
        super(access, views);
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().post("/", this::logout).build();
    }

    private void logout(Exchange exchange) throws IOException {
        Viewer viewer = exchange.viewer();
        if (sessions.end(exchange.request(), exchange.response()) && !viewer.isAnonymous()) {
            audit.record(Event.LOGOUT, viewer.userName(), viewer.userName(), exchange.request().getRemoteAddr(),
                    null);
        }
        exchange.seeOther("/");
    }
}
