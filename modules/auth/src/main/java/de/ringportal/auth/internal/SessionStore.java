package de.ringportal.auth.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Login sessions, named by a random 256-bit id in an HttpOnly, SameSite=Lax cookie and stored in the database
 * ({@link SessionTable}, which keeps only the id's SHA-256), so that a restart or another node keeps everybody logged
 * in. Every login gets a new id (no fixation); a session ends after its idle timeout, its absolute lifetime, at
 * logout, or when an administrator disables the account. A page does not write on every request: the last request is
 * written down at most once a {@linkplain #WRITE_EVERY minute}, and this node trusts what it read of a session for a
 * {@linkplain #CONFIRM_EVERY second} before asking the database again (so a logout or a disabled account on another
 * node counts here within that second; here, at once). Expired sessions are deleted when they are next asked for and
 * by the scheduled {@link Housekeeping}.
 */
@Component(service = SessionStore.class)
@Designate(ocd = SessionStore.Config.class)
public class SessionStore {

    static final String COOKIE = "rp_session";
    /** How long this node trusts what it read of a session before it asks the database again. */
    static final Duration CONFIRM_EVERY = Duration.ofSeconds(1);
    /** The last request of a session is written to the database at most this often. */
    static final Duration WRITE_EVERY = Duration.ofMinutes(1);
    /** More sessions than a node serves at once; only sessions found in the database get here. */
    private static final int MAX_CACHED = 10_000;

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

    /** One login, as this node last read it from the database. */
    static final class Session {
        final int accountId;
        final Instant created;
        volatile Viewer viewer;
        /** The last request this node saw; the database has it to within {@link #WRITE_EVERY}. */
        volatile Instant lastSeen;
        /** Changed only under the session's monitor. */
        Instant lastWritten;
        final Instant checkedAt;
        /** Set while one request reads the session again. */
        final AtomicBoolean reading = new AtomicBoolean();

        Session(int accountId, Viewer viewer, Instant created, Instant lastSeen, Instant lastWritten,
                Instant checkedAt) {
            this.accountId = accountId;
            this.viewer = viewer;
            this.created = created;
            this.lastSeen = lastSeen;
            this.lastWritten = lastWritten;
            this.checkedAt = checkedAt;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The sessions this node has read, by the SHA-256 of their id: a cache, the table is the truth. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionTable table;
    private final Accounts accounts;
    private final Clock clock;
    private volatile Config config;

    @Activate
    public SessionStore(@Reference DataSource dataSource, @Reference Accounts accounts, Config config) {
        this(dataSource, accounts, config, Clock.systemUTC());
    }

    SessionStore(DataSource dataSource, Accounts accounts, Config config, Clock clock) {
        this.table = new SessionTable(dataSource);
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    /** Starts a session for the account, ending any session the request came with, and sets its cookie. */
    public void start(HttpServletRequest request, HttpServletResponse response, Account account) {
        end(request, response);
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String idHash = Sha256.hex(id);
        table.insert(idHash, account.id(), now);
        remember(idHash, new Session(account.id(), account.viewer(), now, now, now, now));
        response.addCookie(cookie(request, id, -1));
    }

    /** The live session of the request, if any; refreshes its idle time. */
    public Optional<Session> find(HttpServletRequest request) {
        String id = idOf(request);
        if (id == null) {
            return Optional.empty();
        }
        String idHash = Sha256.hex(id);
        Instant now = clock.instant();
        Session session = sessions.get(idHash);
        if (session == null || isDue(session, now)) {
            session = reload(idHash, session, now);
            if (session == null) {
                return Optional.empty();
            }
        }
        if (isExpired(session, now, config)) {
            sessions.remove(idHash);
            table.delete(idHash);
            return Optional.empty();
        }
        session.lastSeen = now;
        if (isWriteDue(session, now) && !touch(idHash, now)) {
            sessions.remove(idHash);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /**
     * Is it this request's turn to read the session again? One of parallel requests gets it; the others go on with
     * what was read less than a second or so ago, instead of all asking the database at once.
     */
    private static boolean isDue(Session session, Instant now) {
        return !session.checkedAt.plus(CONFIRM_EVERY).isAfter(now) && session.reading.compareAndSet(false, true);
    }

    /** Is it this request's turn to write the last request down? One of parallel requests gets it. */
    private static boolean isWriteDue(Session session, Instant now) {
        synchronized (session) {
            if (session.lastWritten.plus(WRITE_EVERY).isAfter(now)) {
                return false;
            }
            session.lastWritten = now;
            return true;
        }
    }

    /**
     * Writes the last request down; false when the session is gone. Other writers in the way (the table busy) do not
     * fail the page: the session is known to exist, and the next request a minute on writes again.
     */
    private boolean touch(String idHash, Instant now) {
        try {
            return table.touch(idHash, now);
        } catch (StoreBusyException busy) {
            return true;
        }
    }

    /** The id of the request's live session, if any (for binding CSRF tokens to it); refreshes its idle time. */
    public Optional<String> liveId(HttpServletRequest request) {
        return find(request).map(session -> idOf(request));
    }

    /** Ends the request's session on the server and clears its cookie; true when there was one. */
    public boolean end(HttpServletRequest request, HttpServletResponse response) {
        String id = idOf(request);
        if (id == null) {
            return false;
        }
        response.addCookie(cookie(request, "", 0));
        String idHash = Sha256.hex(id);
        sessions.remove(idHash);
        return table.delete(idHash);
    }

    /** Ends every session of an account (disabled, or password reset). */
    public void endAll(int accountId) {
        table.deleteAll(accountId);
        sessions.values().removeIf(session -> session.accountId == accountId);
    }

    /** Shows changed name, municipality or roles to the account's running sessions (other nodes: within a second). */
    public void refresh(Account account) {
        sessions.values().stream().filter(session -> session.accountId == account.id())
                .forEach(session -> session.viewer = account.viewer());
    }

    /**
     * Deletes the sessions that have expired without another request (a closed browser); returns how many. A
     * session's last request reaches the table up to {@link #WRITE_EVERY} late, so the idle time gets that much grace
     * here; {@link #find} is exact.
     */
    int purge() {
        Instant now = clock.instant();
        Config current = config;
        sessions.values().removeIf(session -> isExpired(session, now, current));
        return table.purge(now.minus(Duration.ofMinutes(current.idleMinutes())).minus(WRITE_EVERY),
                now.minus(Duration.ofHours(current.absoluteHours())));
    }

    /** {@link #load}, and when that fails (the database away), the next request tries again. */
    private Session reload(String idHash, Session known, Instant now) {
        try {
            return load(idHash, known, now);
        } catch (RuntimeException e) {
            if (known != null) {
                known.reading.set(false);
            }
            throw e;
        }
    }

    /** Reads the session and its account again: null when either is gone or the account is disabled. */
    private Session load(String idHash, Session known, Instant now) {
        Optional<SessionTable.Row> row = table.find(idHash);
        Optional<Account> account = row.flatMap(stored -> accounts.byId(stored.accountId()));
        if (row.isEmpty() || account.isEmpty() || !account.get().enabled()) {
            sessions.remove(idHash);
            return null;
        }
        Instant stored = row.get().lastSeen();
        Instant lastSeen = known != null && known.lastSeen.isAfter(stored) ? known.lastSeen : stored;
        Session fresh = new Session(row.get().accountId(), account.get().viewer(), row.get().created(), lastSeen,
                stored, now);
        remember(idHash, fresh);
        return fresh;
    }

    private void remember(String idHash, Session session) {
        if (sessions.size() >= MAX_CACHED) {
            sessions.clear();
        }
        sessions.put(idHash, session);
    }

    private static boolean isExpired(Session session, Instant now, Config current) {
        return session.lastSeen.plus(Duration.ofMinutes(current.idleMinutes())).isBefore(now)
                || session.created.plus(Duration.ofHours(current.absoluteHours())).isBefore(now);
    }

    long size() {
        return table.count();
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
