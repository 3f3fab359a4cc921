package de.ringportal.auth.internal;

import jakarta.servlet.http.HttpServletResponse;

/** Answers to a successful form: 303 See Other, so the browser follows with a GET and a reload sends nothing again. */
final class Redirects {

    private Redirects() {
    }

    /** @param location a site-relative path built by the portal, never one taken from the request */
    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
