package de.ringportal.core.api;

import org.osgi.annotation.versioning.ConsumerType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells core who sent a request (the accounts module implements it, from its session cookie). Core asks it once per
 * request, before any page runs, and makes the answer available through {@link Access#viewer} and the servlet API
 * ({@code getRemoteUser}, {@code isUserInRole} with {@link Role#id()}).
 */
@ConsumerType
public interface Authenticator {

    /** The logged-in person, or {@link Viewer#ANONYMOUS}; never null. */
    Viewer identify(HttpServletRequest request);

    /**
     * A value that only the server and the sender's browser know and that changes at every login, such as the
     * session id: core binds the request's CSRF tokens to it, so a token of one session (or of the time before
     * login) is refused in another. Core never shows or logs it. Null when the request has no live session.
     *
     * @since 1.6
     */
    default String sessionKey(HttpServletRequest request) {
        return null;
    }
}
