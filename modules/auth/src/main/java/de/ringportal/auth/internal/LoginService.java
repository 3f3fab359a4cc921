package de.ringportal.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import de.ringportal.auth.internal.AuditLog.Event;

/**
 * Checks a login. Unknown user names and wrong passwords get the same answer after the same work (one Argon2id
 * check). Failures are counted per user name, known or not, so a lockout cannot tell whether an account exists, and
 * per client address; attempts for one user name run one at a time, so parallel requests cannot slip past the count.
 */
@Component(service = LoginService.class)
@Designate(ocd = LoginService.Config.class)
public class LoginService {

    @ObjectClassDefinition(name = "Ringportal: Anmeldung", description = "Schutz vor dem Durchprobieren von Passwörtern.")
    public @interface Config {

        @AttributeDefinition(name = "Fehlversuche bis zur Sperre",
                description = "Nach so vielen falschen Passwörtern hintereinander wird das Konto gesperrt.", min = "1")
        int maxFailures() default 5;

        @AttributeDefinition(name = "Sperrdauer (Minuten)",
                description = "So lange bleibt ein Konto nach zu vielen Fehlversuchen gesperrt.", min = "1")
        int lockMinutes() default 15;

        @AttributeDefinition(name = "Fehlversuche je Adresse",
                description = "So viele fehlgeschlagene Anmeldungen darf eine Client-Adresse im Zeitfenster haben; "
                        + "danach wird sie bis zum Ende des Fensters abgewiesen.", min = "1")
        int maxFailuresPerClient() default 30;

        @AttributeDefinition(name = "Zeitfenster je Adresse (Minuten)",
                description = "Zeitfenster, in dem die Fehlversuche einer Client-Adresse gezählt werden.", min = "1")
        int clientWindowMinutes() default 15;
    }

    /** How a login ended. */
    public enum Outcome {
        SUCCESS, FAILED, LOCKED, THROTTLED
    }

    /** The outcome, with the account on success. */
    public record Result(Outcome outcome, Account account) {
    }

    /** Failed attempts of one key (user name or client address) within a window. */
    private static final class Failures {
        int count;
        Instant windowStart;
        Instant lockedUntil;
    }

    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byClient = new ConcurrentHashMap<>();
    /** Argon2id takes 19 MiB per check: at most one check per core at a time keeps memory bounded. */
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile Config config;

    @Activate
    public LoginService(@Reference Accounts accounts, @Reference Passwords passwords, @Reference AuditLog audit,
            Config config) {
        this(accounts, passwords, audit, config, Clock.systemUTC());
    }

    LoginService(Accounts accounts, Passwords passwords, AuditLog audit, Config config, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    /** Minutes a lockout lasts, for the message. */
    public int lockMinutes() {
        return config.lockMinutes();
    }

    public Result login(String userName, String password, String client) {
        return attempt(userName, password, client, true);
    }

    /**
     * Checks the current password of a logged-in person (before a password change) under the same rules as a
     * login: wrong passwords count towards the lock, a locked account is refused, only success is not audited as a
     * login.
     */
    public Result confirm(String userName, String password, String client) {
        return attempt(userName, password, client, false);
    }

    /** Forgets the counted failures and lock of a user name (after an administrator's reset link was used). */
    public void forget(String userName) {
        byUser.remove(Accounts.normalize(userName));
    }

    private Result attempt(String userName, String password, String client, boolean isLogin) {
        String name = Accounts.normalize(userName);
        Instant now = clock.instant();
        Config current = config;
        if (isThrottled(client, now, current)) {
            audit.record(Event.LOGIN_FAILED, null, name, client, "zu viele Fehlversuche von dieser Adresse");
            return new Result(Outcome.THROTTLED, null);
        }
        Failures userFailures = byUser.computeIfAbsent(name, key -> new Failures());
        synchronized (userFailures) {
            Optional<Account> account = accounts.byUserName(name);
            boolean locked = userFailures.lockedUntil != null && userFailures.lockedUntil.isAfter(now)
                    || account.map(a -> a.isLocked(now)).orElse(false);
            boolean passwordMatches = check(password, account.map(Account::passwordHash).orElse(null));
            if (locked) {
                audit.record(Event.LOGIN_FAILED, null, name, client, "Konto gesperrt");
                return new Result(Outcome.LOCKED, null);
            }
            if (account.isEmpty() || !passwordMatches || !account.get().enabled()) {
                return fail(name, account, userFailures, client, now, current);
            }
            Account found = account.get();
            byUser.remove(name);
            accounts.clearFailures(found.id());
            if (passwords.needsRehash(found.passwordHash())) {
                accounts.setPasswordHash(found.id(), hash(password));
            }
            if (isLogin) {
                audit.record(Event.LOGIN, found.userName(), found.userName(), client, null);
            }
            return new Result(Outcome.SUCCESS, found);
        }
    }

    /** Hashes a new password, within the same bound on parallel Argon2id work as the checks. */
    public String hash(String password) {
        hashing.acquireUninterruptibly();
        try {
            return passwords.hash(password);
        } finally {
            hashing.release();
        }
    }

    private boolean check(String password, String storedHash) {
        hashing.acquireUninterruptibly();
        try {
            if (storedHash == null) {
                passwords.burnCheck(password);
                return false;
            }
            return passwords.matches(password, storedHash);
        } finally {
            hashing.release();
        }
    }

    private Result fail(String name, Optional<Account> account, Failures userFailures, String client, Instant now,
            Config current) {
        prune(now);
        Failures clientFailures = byClient.computeIfAbsent(client, key -> new Failures());
        synchronized (clientFailures) {
            if (clientFailures.windowStart == null || clientFailures.windowStart
                    .plus(Duration.ofMinutes(current.clientWindowMinutes())).isBefore(now)) {
                clientFailures.windowStart = now;
                clientFailures.count = 0;
            }
            clientFailures.count++;
        }
        userFailures.count++;
        Instant lockEnd = now.plus(Duration.ofMinutes(current.lockMinutes()));
        account.ifPresent(a -> accounts.recordFailure(a.id(), current.maxFailures(), lockEnd));
        audit.record(Event.LOGIN_FAILED, null, name, client,
                account.isEmpty() ? "unbekannter Benutzername" : "falsches Passwort oder Konto deaktiviert");
        if (userFailures.count >= current.maxFailures()) {
            userFailures.count = 0;
            userFailures.lockedUntil = lockEnd;
            audit.record(Event.LOCKED, null, name, client, "nach " + current.maxFailures() + " Fehlversuchen");
            return new Result(Outcome.LOCKED, null);
        }
        return new Result(Outcome.FAILED, null);
    }

    /** Keeps made-up user names and addresses from filling the memory: forgets counts that no longer matter. */
    private void prune(Instant now) {
        if (byUser.size() > 10_000) {
            byUser.values().removeIf(f -> f.lockedUntil == null || f.lockedUntil.isBefore(now));
        }
        if (byClient.size() > 10_000) {
            Duration window = Duration.ofMinutes(config.clientWindowMinutes());
            byClient.values().removeIf(f -> f.windowStart == null || f.windowStart.plus(window).isBefore(now));
        }
    }

    private boolean isThrottled(String client, Instant now, Config current) {
        Failures failures = byClient.get(client);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            return failures.windowStart != null
                    && failures.windowStart.plus(Duration.ofMinutes(current.clientWindowMinutes())).isAfter(now)
                    && failures.count >= current.maxFailuresPerClient();
        }
    }
}
