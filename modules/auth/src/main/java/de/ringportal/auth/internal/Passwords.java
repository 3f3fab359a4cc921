package de.ringportal.auth.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j) and the password policy. Hashes are stored in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=3,p=1$salt$hash}), which carries algorithm and parameters, so they can be raised
 * later: a login with a hash made with other parameters is rehashed ({@link #needsRehash}).
 */
@Component(service = Passwords.class)
public final class Passwords {

    /**
     * Argon2id with 19 MiB memory and 1 lane as in the OWASP Password Storage Cheat Sheet, and 3 iterations instead
     * of its minimum of 2: about 56 ms of CPU per check on this project's 2-core machines (2 iterations: 39 ms).
     */
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 3;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private static final Argon2Function ARGON2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, 19);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Set<String> common;
    /** Compared against when the user name is unknown, so that answer takes as long as a wrong password. */
    private final String dummyHash;

    public Passwords() {
        this.common = loadCommon();
        this.dummyHash = hash(randomPassword());
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
    }

    /** Checks a password against a stored hash; a malformed hash never matches. */
    public boolean matches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one check without anything to check against. */
    public void burnCheck(String password) {
        matches(password, dummyHash);
    }

    /** Was the hash made with other parameters than today's? */
    public boolean needsRehash(String storedHash) {
        try {
            return !ARGON2.equals(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /** What is wrong with a new password, in German; empty when it may be used. */
    public List<String> problems(String password, String userName) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("Das Passwort muss mindestens " + MIN_LENGTH + " Zeichen lang sein.");
            return problems;
        }
        if (password.length() > MAX_LENGTH) {
            problems.add("Das Passwort darf höchstens " + MAX_LENGTH + " Zeichen lang sein.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userName != null && !userName.isBlank() && lower.contains(userName.strip().toLowerCase(Locale.ROOT))) {
            problems.add("Das Passwort darf den Benutzernamen nicht enthalten.");
        }
        if (common.contains(lower)) {
            problems.add("Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            problems.add("Das Passwort darf keine Steuerzeichen enthalten.");
        }
        return problems;
    }

    /** A random password of 20 characters that passes the policy (no look-alike characters). */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Passwords.class.getResourceAsStream("/common-passwords.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
