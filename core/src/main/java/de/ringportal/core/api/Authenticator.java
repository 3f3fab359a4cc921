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
}
