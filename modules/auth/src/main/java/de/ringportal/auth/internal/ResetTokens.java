package de.ringportal.auth.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.Sql;

/**
 * One-time links for setting a password. A link carries a random token of 32 bytes; the database holds only the
 * token's SHA-256, so a copy of the database opens no account. A token works once, before its expiry; issuing a new
 * one for an account voids that account's unused ones.
 */
@Component(service = ResetTokens.class)
@Designate(ocd = ResetTokens.Config.class)
public class ResetTokens {

    @ObjectClassDefinition(name = "Ringportal: Links zum Setzen des Passworts",
            description = "Einmal-Links, mit denen eine Person ihr Passwort selbst setzt.")
    public @interface Config {

        @AttributeDefinition(name = "Gültigkeit (Stunden)",
                description = "So viele Stunden nach dem Erstellen kann ein Link benutzt werden; danach muss die "
                        + "Administration einen neuen erstellen.", min = "1")
        int validityHours() default 24;
    }

    /** What a presented token is worth. */
    public enum State {
        VALID, USED, EXPIRED, UNKNOWN
    }

    /** A token just issued: the only moment its plain value exists. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** The state of a presented token and, unless unknown, the account it belongs to. */
    public record Check(State state, int accountId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Sql sql;
    private final Clock clock;
    private volatile Config config;

    @Activate
    public ResetTokens(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema, Config config) {
        this(dataSource, config, Clock.systemUTC());
    }

    ResetTokens(DataSource dataSource, Config config, Clock clock) {
        this.sql = Sql.over(dataSource);
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    /** Issues a new token for the account and voids its unused older ones, in one transaction. */
    public Issued issue(int accountId) {
        String token = newToken();
        Instant expiresAt = clock.instant().plus(Duration.ofHours(config.validityHours()));
        sql.write(tx -> {
            tx.update("DELETE FROM auth_reset_token WHERE account_id = ? AND used_at IS NULL", accountId);
            return tx.update("INSERT INTO auth_reset_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
                    hash(token), accountId, expiresAt);
        });
        return new Issued(token, expiresAt);
    }

    /** Looks at a token without using it up. */
    public Check check(String token) {
        if (!wellFormed(token)) {
            return new Check(State.UNKNOWN, 0);
        }
        Instant now = clock.instant();
        return sql.first("SELECT account_id, expires_at, used_at FROM auth_reset_token WHERE token_hash = ?",
                row -> new Check(state(Columns.instant(row, 2), Columns.instant(row, 3), now), row.getInt(1)),
                hash(token)).orElse(new Check(State.UNKNOWN, 0));
    }

    /**
     * Uses the token up: of two requests racing with the same token, exactly one gets the account id.
     *
     * @return the account the token was for, when it was valid until this call
     */
    public Optional<Integer> consume(String token) {
        Check check = check(token);
        if (check.state() != State.VALID) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int used = sql.update("UPDATE auth_reset_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                + "AND expires_at > ?", now, hash(token), now);
        return used == 1 ? Optional.of(check.accountId()) : Optional.empty();
    }

    /** Hours a new link stays valid, for the administrator's page. */
    public int validityHours() {
        return config.validityHours();
    }

    static State state(Instant expiresAt, Instant usedAt, Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        return expiresAt.isAfter(now) ? State.VALID : State.EXPIRED;
    }

    /** 32 random bytes, base64url without padding: 43 characters that need no escaping in a URL. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** SHA-256 of the token as 64 hex digits: a token has 256 random bits, so no salt or slow hash is needed. */
    static String hash(String token) {
        return Sha256.hex(token);
    }
}
