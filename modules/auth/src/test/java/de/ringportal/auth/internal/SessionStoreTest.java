package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import de.ringportal.core.api.Role;
import de.ringportal.core.testing.BothDatabases;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sessions on the server (core's {@code TestDatabase}, the real migration): a new id per login, the idle timeout,
 * the absolute lifetime, logout, and the cookie. What the table adds is in {@link StoredSessionsTest}.
 */
@RunWith(BothDatabases.class)
public class SessionStoreTest extends SessionStoreFixture {

    /** A session answers to its cookie, with the person's viewer. */
    @Test
    public void login_starts_a_session_found_by_its_cookie() {
        String id = login(null);

        SessionStore.Session session = sessions.find(requestWith(id)).orElseThrow();
        assertEquals(anna.id(), session.accountId);
        assertEquals("anna", session.viewer.userName());
        assertEquals("08426", session.viewer.municipality());
    }

    /** After 30 minutes without a request the session is gone; each request pushes that point back. */
    @Test
    public void session_ends_after_idle_timeout_and_use_keeps_it_alive() {
        String id = login(null);

        clock.advance(Duration.ofMinutes(29));
        assertTrue("29 min idle", sessions.find(requestWith(id)).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue("30 min after the last request", sessions.find(requestWith(id)).isPresent());
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertFalse("30 min 1 s idle", sessions.find(requestWith(id)).isPresent());

        clock.advance(Duration.ofMinutes(-30));
        assertFalse("an expired session stays gone", sessions.find(requestWith(id)).isPresent());
        assertEquals(0, sessions.size());
    }

    /** A session in constant use still ends 8 hours after login. */
    @Test
    public void session_ends_after_absolute_lifetime_even_when_in_use() {
        String id = login(null);

        for (int minutes = 20; minutes <= 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue("in use after " + minutes + " min", sessions.find(requestWith(id)).isPresent());
        }
        clock.advance(Duration.ofSeconds(1));
        assertFalse("8 h 1 s after login", sessions.find(requestWith(id)).isPresent());
    }

    /** Changed timeouts apply to running sessions at once. */
    @Test
    public void changed_configuration_applies_to_running_sessions() {
        String id = login(null);
        clock.advance(Duration.ofMinutes(10));

        sessions.modified(config(5, 8, false));

        assertFalse(sessions.find(requestWith(id)).isPresent());
    }

    /** Logging in with a session cookie (a fixed or an old one) gives a new id; the old one is dead. */
    @Test
    public void login_gives_a_new_id_and_ends_the_session_the_request_came_with() {
        String first = login(null);

        String second = login(first);

        assertNotEquals(first, second);
        assertFalse(sessions.find(requestWith(first)).isPresent());
        assertTrue(sessions.find(requestWith(second)).isPresent());
        assertEquals(1, sessions.size());
    }

    /** Logout removes the session on the server, so a copied cookie is worthless, and clears the cookie. */
    @Test
    public void logout_ends_the_session_on_the_server_and_clears_the_cookie() {
        String id = login(null);
        HttpServletResponse response = mock(HttpServletResponse.class);

        assertTrue(sessions.end(requestWith(id), response));

        Cookie cleared = cookieSetOn(response);
        assertEquals(SessionStore.COOKIE, cleared.getName());
        assertEquals("", cleared.getValue());
        assertEquals(0, cleared.getMaxAge());
        assertFalse(sessions.find(requestWith(id)).isPresent());
        assertFalse("a second logout finds nothing", sessions.end(requestWith(id), response));
        assertEquals(0, sessions.size());
    }

    /** Disabling an account or resetting its password ends all its sessions, and only its. */
    @Test
    public void end_all_ends_every_session_of_one_account() {
        String first = login(null);
        String second = login(null);
        HttpServletResponse response = mock(HttpServletResponse.class);
        int bert = accounts.create(new Accounts.Profile("bert", "Bert", null, null, true, Set.of(Role.REDAKTION)),
                "hash");
        sessions.start(requestWith(null), response, accounts.byId(bert).orElseThrow());
        String other = cookieSetOn(response).getValue();

        sessions.endAll(anna.id());

        assertFalse(sessions.find(requestWith(first)).isPresent());
        assertFalse(sessions.find(requestWith(second)).isPresent());
        assertTrue(sessions.find(requestWith(other)).isPresent());
    }

    /** The cookie: HttpOnly, SameSite=Lax, for the whole site, gone with the browser; Secure over HTTPS. */
    @Test
    public void cookie_is_http_only_same_site_lax_session_only() {
        HttpServletResponse response = mock(HttpServletResponse.class);
        sessions.start(requestWith(null), response, anna);

        Cookie cookie = cookieSetOn(response);
        assertEquals(SessionStore.COOKIE, cookie.getName());
        assertTrue(cookie.isHttpOnly());
        assertEquals("Lax", cookie.getAttribute("SameSite"));
        assertEquals("/", cookie.getPath());
        assertEquals(-1, cookie.getMaxAge());
        assertFalse("plain HTTP", cookie.getSecure());

        HttpServletRequest https = requestWith(null);
        when(https.isSecure()).thenReturn(true);
        HttpServletResponse secureResponse = mock(HttpServletResponse.class);
        sessions.start(https, secureResponse, anna);
        assertTrue("HTTPS", cookieSetOn(secureResponse).getSecure());

        SessionStore behindProxy = new SessionStore(dataSource, accounts, config(30, 8, true), clock);
        HttpServletResponse proxied = mock(HttpServletResponse.class);
        behindProxy.start(requestWith(null), proxied, anna);
        assertTrue("alwaysSecure", cookieSetOn(proxied).getSecure());
    }

    /** Ids are 256 random bits (43 URL-safe characters) and never repeat; made-up ids find nothing. */
    @Test
    public void ids_are_long_random_and_unguessable() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(login(null));
        }
        assertEquals(200, new HashSet<>(ids).size());
        ids.forEach(id -> assertTrue(id, id.matches("[A-Za-z0-9_-]{43}")));
        assertFalse(sessions.find(requestWith("A".repeat(43))).isPresent());
        assertFalse(sessions.find(requestWith(ids.get(0) + "x")).isPresent());
        assertFalse(sessions.find(requestWith("")).isPresent());
    }

    private static Cookie cookieSetOn(HttpServletResponse response) {
        ArgumentCaptor<Cookie> cookies = ArgumentCaptor.forClass(Cookie.class);
        Mockito.verify(response, Mockito.atLeastOnce()).addCookie(cookies.capture());
        return cookies.getValue();
    }
}
