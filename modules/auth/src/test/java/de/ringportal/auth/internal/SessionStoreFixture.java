package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import de.ringportal.core.api.Role;
import de.ringportal.core.testing.TestDatabase;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the session tests share: a freshly migrated accounts schema with Anna (a ring member of 08426), a clock the
 * test moves, and a {@link SessionStore} over them; {@link #node()} is another node, or this one after a restart.
 */
abstract class SessionStoreFixture {

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    protected DataSource dataSource;
    protected Accounts accounts;
    protected SessionStore sessions;
    protected Account anna;

    @Before
    public void createAnnaAndTheStore() {
        dataSource = TestDatabase.migrated(AuditLog.class, "auth");
        accounts = new Accounts(dataSource, null);
        int id = accounts.create(new Accounts.Profile("anna", "Anna Muster", null, "08426", true,
                Set.of(Role.RINGMITGLIED)), "hash");
        anna = accounts.byId(id).orElseThrow();
        sessions = node();
    }

    /** Another node, or this one after a restart: a store of its own over the same database. */
    protected SessionStore node() {
        return new SessionStore(dataSource, accounts, config(30, 8, false), clock);
    }

    /** Starts a session for Anna from a request carrying {@code oldId} (or no cookie) and returns the new id. */
    protected String login(String oldId) {
        return login(sessions, anna, oldId);
    }

    /** Starts a session for {@code account} in {@code store} from a request carrying {@code oldId}; the new id. */
    static String login(SessionStore store, Account account, String oldId) {
        HttpServletResponse response = mock(HttpServletResponse.class);
        store.start(requestWith(oldId), response, account);
        ArgumentCaptor<Cookie> cookies = ArgumentCaptor.forClass(Cookie.class);
        Mockito.verify(response, Mockito.atLeastOnce()).addCookie(cookies.capture());
        Cookie last = cookies.getValue();
        assertEquals(SessionStore.COOKIE, last.getName());
        return last.getValue();
    }

    static HttpServletRequest requestWith(String sessionId) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getCookies()).thenReturn(sessionId == null ? null
                : new Cookie[] {new Cookie("rp_csrf", "x"), new Cookie(SessionStore.COOKIE, sessionId)});
        return request;
    }

    static SessionStore.Config config(int idleMinutes, int absoluteHours, boolean alwaysSecure) {
        SessionStore.Config config = mock(SessionStore.Config.class);
        when(config.idleMinutes()).thenReturn(idleMinutes);
        when(config.absoluteHours()).thenReturn(absoluteHours);
        when(config.alwaysSecure()).thenReturn(alwaysSecure);
        return config;
    }
}
