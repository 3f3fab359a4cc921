package de.ringportal.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.ringportal.core.api.PortalContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CSRF protection by a signed double submission: the token is a random nonce with an HMAC over the nonce and the
 * request's login session (a server key, kept in the data directory by {@link CsrfKeyFile}), kept in an HttpOnly, SameSite=Strict cookie and
 * repeated in every form's hidden field. A request passes when field and cookie agree <em>and</em> the signature
 * fits the session the request comes with. Whoever can plant a cookie (a sibling subdomain, a network attacker on
 * plain HTTP) cannot forge a pair for somebody else's session; a token of the visitor's time before login fails
 * after it, so the token is renewed at login (the first page with a form sets the new one). Anonymous visitors (the
 * login form) get tokens signed for "no session". Over HTTPS the cookie is {@value #SECURE_COOKIE}: browsers accept
 * that name only from a secure origin, with Path=/ and without Domain, so neither a sibling nor a plain-HTTP page
 * can set it. The key outlives a restart, as the login sessions do, so a form loaded before it still posts after it.
 */
public final class CsrfTokens {

    static final String COOKIE = "rp_csrf";
    static final String SECURE_COOKIE = "__Host-" + COOKIE;
    static final String HEADER = "X-CSRF-Token";
    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    /**
     * One DRBG per thread: every first visit mints a token, and the platform's default (NativePRNG) serialises all
     * threads on one lock around /dev/urandom.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(CsrfTokens::newGenerator);
    /** Random until core's filter starts and loads the stored one ({@link #useKey}). */
    private static volatile SecretKeySpec key = new SecretKeySpec(newKey(), "HmacSHA256");
    private static final ThreadLocal<KeyedMac> MAC = new ThreadLocal<>();
    private static final String ISSUED = CsrfTokens.class.getName() + ".issued";
    private static final String BINDING = CsrfTokens.class.getName() + ".binding";
    private static final byte[] NO_SESSION = new byte[0];

    private CsrfTokens() {
    }

    /**
     * Binds the request's tokens to its login session, named by a value only the server and that browser know (the
     * session id); null or empty for a visitor without one. Core's filter calls it before any page runs.
     */
    static void bind(HttpServletRequest request, String sessionKey) {
        if (sessionKey != null && !sessionKey.isEmpty()) {
            // the key only: the binding is computed when a token is issued or checked, not on every request
            request.setAttribute(BINDING, sessionKey);
        } else {
            request.removeAttribute(BINDING);
        }
    }

    /** The request's token, issuing one (and its cookie) when the browser has none valid for its session. */
    public static String tokenFor(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ISSUED) instanceof String token) {
            return token;
        }
        byte[] binding = binding(request);
        String token = fromCookie(request);
        if (token == null || !signedFor(token, binding)) {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.get().nextBytes(nonce);
            token = sign(nonce, binding);
            response.addCookie(cookie(request, token));
        }
        request.setAttribute(ISSUED, token);
        return token;
    }

    /** Does the request carry, in its form field or header, the token of its cookie, signed for its session? */
    static boolean matches(HttpServletRequest request) {
        String expected = fromCookie(request);
        if (expected == null || !signedFor(expected, binding(request))) {
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

    /** The cookie's name for this request: {@value #SECURE_COOKIE} when the browser talks HTTPS to the portal. */
    static String cookieName(HttpServletRequest request) {
        return isSecure(request) ? SECURE_COOKIE : COOKIE;
    }

    /**
     * HTTPS as the browser sees it: directly, or at a TLS-terminating proxy when the launcher runs with
     * {@code --behind-proxy} (then Jetty takes the scheme from the proxy's {@code X-Forwarded-Proto}; otherwise a
     * client's own header counts for nothing).
     */
    private static boolean isSecure(HttpServletRequest request) {
        return request.isSecure();
    }

    private static Cookie cookie(HttpServletRequest request, String token) {
        boolean secure = isSecure(request);
        Cookie cookie = new Cookie(secure ? SECURE_COOKIE : COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    private static byte[] binding(HttpServletRequest request) {
        return request.getAttribute(BINDING) instanceof String sessionKey ? mac("session\0" + sessionKey) : NO_SESSION;
    }

    private static String sign(byte[] nonce, byte[] binding) {
        byte[] token = Arrays.copyOf(nonce, NONCE_BYTES + MAC_BYTES);
        System.arraycopy(mac(nonce, binding), 0, token, NONCE_BYTES, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static boolean signedFor(String token, byte[] binding) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] expected = Arrays.copyOf(mac(nonce, binding), MAC_BYTES);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, NONCE_BYTES, NONCE_BYTES + MAC_BYTES));
    }

    private static byte[] mac(byte[] nonce, byte[] binding) {
        Mac mac = mac();
        mac.update(nonce);
        return mac.doFinal(binding);
    }

    private static byte[] mac(String text) {
        return mac().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    /** This thread's MAC over the current key. */
    private static Mac mac() {
        SecretKeySpec current = key;
        KeyedMac keyed = MAC.get();
        if (keyed == null || keyed.key() != current) {
            keyed = new KeyedMac(current, newMac(current));
            MAC.set(keyed);
        }
        return keyed.mac();
    }

    /** Signs with this key from now on (the stored one; tokens signed with another fail their check). */
    static void useKey(byte[] bytes) {
        key = new SecretKeySpec(bytes.clone(), "HmacSHA256");
    }

    /** A thread's MAC and the key it was made for. */
    private record KeyedMac(SecretKeySpec key, Mac mac) {
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

    /** The token of the cookie this request's scheme allows: over HTTPS only the {@code __Host-} one counts. */
    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = cookieName(request);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && FORMAT.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static Mac newMac(SecretKeySpec secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
