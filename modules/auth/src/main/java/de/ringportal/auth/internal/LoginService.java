package de.ringportal.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 * per client address, in the database ({@link LoginFailures}): a lock outlasts a restart and holds on every node.
 * Attempts for one user name run one at a time on this node, so parallel requests cannot slip past the count (on
 * several nodes, at most one attempt per node can be under way when the lock falls).
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

    /** Attempts for user names of the same stripe run one at a time: a fixed number of monitors, nothing to prune. */
    private static final int STRIPES = 256;

    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final LoginFailures failures;
    private final Clock clock;
    private final Object[] stripes = new Object[STRIPES];
    /** Argon2id takes 19 MiB per check: at most one check per core at a time keeps memory bounded. */
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile Config config;

    @Activate
    public LoginService(@Reference Accounts accounts, @Reference Passwords passwords, @Reference AuditLog audit,
            @Reference LoginFailures failures, Config config) {
        this(accounts, passwords, audit, failures, config, Clock.systemUTC());
    }

    LoginService(Accounts accounts, Passwords passwords, AuditLog audit, LoginFailures failures, Config config,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.failures = failures;
        this.config = config;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
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
        failures.forget(Accounts.normalize(userName));
    }

    /** Deletes the stored failures that no longer count (the scheduled {@link Housekeeping}). */
    int purge() {
        return failures.purge(clock.instant(), Duration.ofMinutes(config.clientWindowMinutes()));
    }

    private Result attempt(String userName, String password, String client, boolean isLogin) {
        String name = Accounts.normalize(userName);
        Instant now = clock.instant();
        Config current = config;
        if (isThrottled(client, now, current)) {
            audit.record(Event.LOGIN_FAILED, null, name, client, "zu viele Fehlversuche von dieser Adresse");
            return new Result(Outcome.THROTTLED, null);
        }
        synchronized (stripes[Math.floorMod(name.hashCode(), STRIPES)]) {
            Optional<Account> account = accounts.byUserName(name);
            boolean locked = failures.lockedUntil(name, now).isPresent()
                    || account.map(a -> a.isLocked(now)).orElse(false);
            boolean passwordMatches = check(password, account.map(Account::passwordHash).orElse(null));
            if (locked) {
                audit.record(Event.LOGIN_FAILED, null, name, client, "Konto gesperrt");
                return new Result(Outcome.LOCKED, null);
            }
            if (account.isEmpty() || !passwordMatches || !account.get().enabled()) {
                return fail(name, account, client, now, current);
            }
            Account found = account.get();
            failures.forget(name);
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

    private Result fail(String name, Optional<Account> account, String client, Instant now, Config current) {
        failures.countClientFailure(client, now, Duration.ofMinutes(current.clientWindowMinutes()));
        Instant lockEnd = now.plus(Duration.ofMinutes(current.lockMinutes()));
        account.ifPresent(a -> accounts.recordFailure(a.id(), current.maxFailures(), lockEnd));
        audit.record(Event.LOGIN_FAILED, null, name, client,
                account.isEmpty() ? "unbekannter Benutzername" : "falsches Passwort oder Konto deaktiviert");
        if (failures.countUserFailure(name, current.maxFailures(), now, lockEnd)) {
            audit.record(Event.LOCKED, null, name, client, "nach " + current.maxFailures() + " Fehlversuchen");
            return new Result(Outcome.LOCKED, null);
        }
        return new Result(Outcome.FAILED, null);
    }

    private boolean isThrottled(String client, Instant now, Config current) {
        return failures.isThrottled(client, current.maxFailuresPerClient(), now,
                Duration.ofMinutes(current.clientWindowMinutes()));
    }
}
