package de.ringportal.auth.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Authenticator;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.HttpServletRequest;

/** Tells core who sent a request: the person of its live session, or nobody. */
@Component(service = Authenticator.class)
public class SessionAuthenticator implements Authenticator {

    private final SessionStore sessions;

    @Activate
    public SessionAuthenticator(@Reference SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Viewer identify(HttpServletRequest request) {
        return sessions.find(request).map(session -> session.viewer).orElse(Viewer.ANONYMOUS);
    }

    /** The id of the request's live session, which core binds its CSRF tokens to; a new one at every login. */
    @Override
    public String sessionKey(HttpServletRequest request) {
        return sessions.liveId(request).orElse(null);
    }
}
