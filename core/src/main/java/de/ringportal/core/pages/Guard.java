package de.ringportal.core.pages;

import org.osgi.annotation.versioning.ConsumerType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether the viewer may use a route, usually by asking {@link de.ringportal.core.api.Access}
 * ({@code (request, path) -> access.maySeeRing(request, path.text("ring"))}). When it refuses, the servlet answers as
 * {@link de.ringportal.core.api.Access#require} does: anonymous visitors of a GET are sent to the login page, everyone
 * else gets 403.
 */
@ConsumerType
@FunctionalInterface
public interface Guard {

    boolean allows(HttpServletRequest request, PathParams path);
}
