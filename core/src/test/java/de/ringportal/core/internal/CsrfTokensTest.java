package de.ringportal.core.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import de.ringportal.core.api.PortalContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** CSRF tokens are bound to the login session: a cookie and field pair planted from elsewhere does not pass. */
public class CsrfTokensTest {

    private final List<Cookie> set = new ArrayList<>();

    @Rule
    public final TemporaryFolder temporary = new TemporaryFolder();

    /** A pair an attacker made up (cookie and field alike) is refused, as a double submit alone would accept it. */
    @Test
    public void made_up_cookie_and_field_pair_is_refused() {
        String planted = "A".repeat(43);

        assertFalse(CsrfTokens.matches(post(false, null, planted, planted)));
        assertFalse(CsrfTokens.matches(post(false, "victim-session", planted, planted)));
    }

    /** The attacker's own valid pair, planted into a victim's logged-in browser, is refused. */
    @Test
    public void anonymous_pair_planted_into_a_session_is_refused() {
        String attackers = CsrfTokens.tokenFor(request(false, null, null), response());

        assertTrue("valid where it was issued", CsrfTokens.matches(post(false, null, attackers, attackers)));
        assertFalse(CsrfTokens.matches(post(false, "victim-session", attackers, attackers)));
    }

    /** A token of one session is worth nothing in another. */
    @Test
    public void token_of_another_session_is_refused() {
        String attackers = CsrfTokens.tokenFor(request(false, "attacker-session", null), response());

        assertTrue(CsrfTokens.matches(post(false, "attacker-session", attackers, attackers)));
        assertFalse(CsrfTokens.matches(post(false, "victim-session", attackers, attackers)));
    }

    /** Login renews the token: the page after it sets a new cookie, and the token from before login fails. */
    @Test
    public void token_changes_at_login() {
        String before = CsrfTokens.tokenFor(request(false, null, null), response());
        set.clear();

        String after = CsrfTokens.tokenFor(request(false, "new-session", before), response());

        assertNotEquals(before, after);
        assertEquals(1, set.size());
        assertEquals(after, set.get(0).getValue());
        assertFalse(CsrfTokens.matches(post(false, "new-session", before, before)));
        assertTrue(CsrfTokens.matches(post(false, "new-session", after, after)));
    }

    /**
     * A restart keeps the token valid: the portal signs with the key stored in the data directory, so a form loaded
     * before the restart posts after it; a portal with another key refuses the token.
     */
    @Test
    public void token_survives_a_restart_with_the_stored_key() throws IOException {
        Path dataDir = temporary.getRoot().toPath();
        CsrfTokens.useKey(CsrfKeyFile.loadOrCreate(dataDir));
        String token = CsrfTokens.tokenFor(request(false, "session", null), response());

        CsrfTokens.useKey(CsrfKeyFile.loadOrCreate(temporary.newFolder().toPath()));
        assertFalse("another portal's key", CsrfTokens.matches(post(false, "session", token, token)));
        CsrfTokens.useKey(CsrfKeyFile.loadOrCreate(dataDir));
        assertTrue("the same data directory after a restart", CsrfTokens.matches(post(false, "session", token, token)));
    }

    /** The key file is 32 random bytes, readable by its owner only; a damaged one is replaced. */
    @Test
    public void key_file_is_owner_only_and_a_damaged_one_is_replaced() throws IOException {
        Path dataDir = temporary.getRoot().toPath();
        byte[] key = CsrfKeyFile.loadOrCreate(dataDir);
        Path file = dataDir.resolve(CsrfKeyFile.NAME);

        assertEquals(32, key.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.write(file, new byte[] {1, 2, 3});
        byte[] replaced = CsrfKeyFile.loadOrCreate(dataDir);
        assertEquals(32, replaced.length);
        assertArrayEquals(replaced, Files.readAllBytes(file));
    }

    /** A cookie valid for the session is kept: tabs and reloads share one token, and no new cookie is set. */
    @Test
    public void valid_cookie_is_reused() {
        String first = CsrfTokens.tokenFor(request(false, "session", null), response());
        set.clear();

        assertEquals(first, CsrfTokens.tokenFor(request(false, "session", first), response()));
        assertTrue(set.isEmpty());
    }

    /** Field and cookie must still agree: a valid token in the field without its cookie is refused. */
    @Test
    public void field_without_its_cookie_is_refused() {
        String token = CsrfTokens.tokenFor(request(false, "session", null), response());
        String other = CsrfTokens.tokenFor(request(false, "session", null), response());

        assertFalse(CsrfTokens.matches(post(false, "session", null, token)));
        assertFalse(CsrfTokens.matches(post(false, "session", other, token)));
    }

    /** Over HTTPS the cookie is __Host-rp_csrf: Secure, Path=/, no Domain; a plain rp_csrf cookie is ignored there. */
    @Test
    public void over_https_the_cookie_has_the_host_prefix() {
        String token = CsrfTokens.tokenFor(request(true, "session", null), response());

        Cookie cookie = set.get(0);
        assertEquals("__Host-rp_csrf", cookie.getName());
        assertTrue(cookie.getSecure());
        assertEquals("/", cookie.getPath());
        assertNull(cookie.getDomain());
        assertTrue(cookie.isHttpOnly());
        assertTrue(CsrfTokens.matches(post(true, "session", token, token)));
        HttpServletRequest plainName = post(true, "session", null, token);
        when(plainName.getCookies()).thenReturn(new Cookie[] { new Cookie("rp_csrf", token) });
        assertFalse(CsrfTokens.matches(plainName));
    }

    /**
     * A client's own X-Forwarded-Proto changes nothing: only Jetty decides what is HTTPS (behind a proxy when the
     * launcher runs with --behind-proxy; CsrfIT checks that way).
     */
    @Test
    public void a_forwarded_proto_header_alone_does_not_make_the_request_secure() {
        HttpServletRequest request = request(false, null, null);
        when(request.getHeader("X-Forwarded-Proto")).thenReturn("https");

        CsrfTokens.tokenFor(request, response());

        assertEquals("rp_csrf", set.get(0).getName());
        assertFalse(set.get(0).getSecure());
    }

    /** Over plain HTTP the cookie keeps its plain name (browsers refuse __Host- without Secure). */
    @Test
    public void over_http_the_cookie_has_no_prefix() {
        CsrfTokens.tokenFor(request(false, null, null), response());

        assertEquals("rp_csrf", set.get(0).getName());
        assertFalse(set.get(0).getSecure());
    }

    private HttpServletRequest post(boolean secure, String session, String cookie, String field) {
        HttpServletRequest request = request(secure, session, cookie);
        when(request.getMethod()).thenReturn("POST");
        when(request.getParameter(PortalContext.CSRF_PARAMETER)).thenReturn(field);
        return request;
    }

    /** A request with real attributes, bound to the session as core's filter binds it. */
    private static HttpServletRequest request(boolean secure, String session, String cookie) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        Map<String, Object> attributes = new HashMap<>();
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(request)
                .setAttribute(anyString(), any());
        doAnswer(call -> attributes.remove(call.getArgument(0))).when(request).removeAttribute(anyString());
        when(request.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.getArgument(0)));
        when(request.isSecure()).thenReturn(secure);
        String name = secure ? "__Host-rp_csrf" : "rp_csrf";
        when(request.getCookies()).thenReturn(cookie == null ? null : new Cookie[] { new Cookie(name, cookie) });
        CsrfTokens.bind(request, session);
        return request;
    }

    private HttpServletResponse response() {
        HttpServletResponse response = mock(HttpServletResponse.class);
        doAnswer(call -> set.add(call.getArgument(0))).when(response).addCookie(any(Cookie.class));
        return response;
    }
}
