package de.ringportal.core.api;

import org.osgi.annotation.versioning.ConsumerType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The box at the right of every page's header (the accounts module shows its login form there, or the logged-in
 * person with a logout button). The service with the highest ranking wins; without one the box is empty.
 */
@ConsumerType
public interface HeaderBox {

    /** HTML of the box for this request, already escaped. */
    String html(HttpServletRequest request, HttpServletResponse response);
}
