package de.ringportal.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import de.ringportal.core.api.PortalContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection by double submission: a random token lives in an HttpOnly, SameSite=Strict cookie, and every form
 * repeats it in a hidden field. A cross-site page can neither read the cookie nor make the browser send it, so it
 * cannot produce a matching pair. The cookie is only set when a page renders a form.
 */
public final class CsrfTokens {

    static final String COOKIE = "rp_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    /**
     * One DRBG per thread: every first visit mints a token, and the platform's default (NativePRNG) serialises all
     * threads on one lock around /dev/urandom.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(CsrfTokens::newGenerator);
    private static final String ISSUED = CsrfTokens.class.getName() + ".issued";

    private CsrfTokens() {
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** The request's token, issuing one (and its cookie) when the browser has none yet. */
    public static String tokenFor(HttpServletRequest request, HttpServletResponse response) {
        Object issued = request.getAttribute(ISSUED);
        if (issued instanceof String token) {
            return token;
        }
        String token = fromCookie(request);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.get().nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
        request.setAttribute(ISSUED, token);
        return token;
    }

    /** Does the request carry, in its form field or header, the token of its cookie? */
    static boolean matches(HttpServletRequest request) {
        String expected = fromCookie(request);
        if (expected == null) {
            return false;
        }
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(PortalContext.CSRF_PARAMETER);
        }
        if (sent == null) {
            // multipart uploads: the whiteboard parses the body only for the servlet's own limits, and answers no
            // parameters when a body exceeds them; upload forms repeat the token in their action's query string,
            // so the servlet gets to say in German why the file was refused
            sent = fromQuery(request.getQueryString());
        }
        return sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fromQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(PortalContext.CSRF_PARAMETER + "=")) {
                return pair.substring(PortalContext.CSRF_PARAMETER.length() + 1);
            }
        }
        return null;
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && FORMAT.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
