package de.ringportal.auth.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Login sessions, held on the server and named by a random 256-bit id in an HttpOnly, SameSite=Lax cookie. Every
 * login gets a new id (no fixation); a session ends after its idle timeout, its absolute lifetime, at logout, or when
 * an administrator disables the account. Sessions live in memory: a restart logs everyone out.
 */
@Component(service = SessionStore.class)
@Designate(ocd = SessionStore.Config.class)
public class SessionStore {

    static final String COOKIE = "rp_session";

    @ObjectClassDefinition(name = "Ringportal: Sitzungen", description = "Wie lange eine Anmeldung gilt.")
    public @interface Config {

        @AttributeDefinition(name = "Leerlaufzeit (Minuten)",
                description = "Nach so vielen Minuten ohne Anfrage endet die Sitzung.", min = "1")
        int idleMinutes() default 30;

        @AttributeDefinition(name = "Höchstdauer (Stunden)",
                description = "Nach so vielen Stunden endet jede Sitzung, auch bei laufender Nutzung.", min = "1")
        int absoluteHours() default 8;

        @AttributeDefinition(name = "Cookie immer mit Secure",
                description = "Setzt das Sitzungs-Cookie immer mit dem Attribut Secure: einschalten, wenn ein Reverse "
                        + "Proxy TLS beendet und das Portal selbst nur HTTP sieht. Sonst gilt Secure nur für "
                        + "Anfragen über HTTPS.")
        boolean alwaysSecure() default false;
    }

    /** One login. */
    static final class Session {
        final int accountId;
        final Instant created;
        volatile Instant lastSeen;
        volatile Viewer viewer;

        Session(int accountId, Viewer viewer, Instant now) {
            this.accountId = accountId;
            this.viewer = viewer;
            this.created = now;
            this.lastSeen = now;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Config config;

    @Activate
    public SessionStore(Config config) {
        this(config, Clock.systemUTC());
    }

    SessionStore(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    /**
     * Starts a session for the account, ending any session the request came with, and sets its cookie. Also forgets
     * the sessions that expired without another request (a closed browser): nothing else would ever remove them.
     */
    public void start(HttpServletRequest request, HttpServletResponse response, Account account) {
        end(request, response);
        Instant now = clock.instant();
        Config current = config;
        sessions.values().removeIf(session -> isExpired(session, now, current));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(account.id(), account.viewer(), now));
        response.addCookie(cookie(request, id, -1));
    }

    /** The live session of the request, if any; refreshes its idle time. */
    public Optional<Session> find(HttpServletRequest request) {
        String id = idOf(request);
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (isExpired(session, now, config)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** The id of the request's live session, if any (for binding CSRF tokens to it); refreshes its idle time. */
    public Optional<String> liveId(HttpServletRequest request) {
        return find(request).map(session -> idOf(request));
    }

    /** Ends the request's session on the server and clears its cookie. */
    public Optional<Session> end(HttpServletRequest request, HttpServletResponse response) {
        String id = idOf(request);
        if (id == null) {
            return Optional.empty();
        }
        response.addCookie(cookie(request, "", 0));
        return Optional.ofNullable(sessions.remove(id));
    }

    /** Ends every session of an account (disabled, or password reset). */
    public void endAll(int accountId) {
        sessions.values().removeIf(session -> session.accountId == accountId);
    }

    /** Shows changed name, municipality or roles to the account's running sessions. */
    public void refresh(Account account) {
        sessions.values().stream().filter(session -> session.accountId == account.id())
                .forEach(session -> session.viewer = account.viewer());
    }

    private static boolean isExpired(Session session, Instant now, Config current) {
        return session.lastSeen.plus(Duration.ofMinutes(current.idleMinutes())).isBefore(now)
                || session.created.plus(Duration.ofHours(current.absoluteHours())).isBefore(now);
    }

    int size() {
        return sessions.size();
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || config.alwaysSecure());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(maxAge);
        return cookie;
    }

    private static String idOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue().length() == 43) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
