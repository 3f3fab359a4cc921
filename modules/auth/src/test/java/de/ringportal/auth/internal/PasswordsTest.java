package de.ringportal.auth.internal;

import static org.hamcrest.CoreMatchers.hasItem;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id hashing in the PHC format, rehashing of old parameters, and the password policy. */
public class PasswordsTest {

    private static final String PASSWORD = "Korrekt-Pferd-Batterie-7";

    private static Passwords passwords;
    private static String hash;

    @BeforeClass
    public static void hashOnce() {
        passwords = new Passwords();
        hash = passwords.hash(PASSWORD);
    }

    /** The stored hash names Argon2id with the OWASP parameters, so it can be checked and raised later. */
    @Test
    public void hash_is_argon2id_in_phc_format_with_owasp_parameters() {
        assertThat(hash, startsWith("$argon2id$v=19$m=19456,t=3,p=1$"));
        assertEquals(6, hash.split("\\$").length);
    }

    /** The right password matches; a wrong one, one differing in case, and an empty one do not. */
    @Test
    public void only_the_right_password_matches() {
        assertTrue(passwords.matches(PASSWORD, hash));
        assertFalse(passwords.matches("Korrekt-Pferd-Batterie-8", hash));
        assertFalse(passwords.matches(PASSWORD.toLowerCase(), hash));
        assertFalse(passwords.matches("", hash));
    }

    /** Two hashes of one password differ (random salt), and both match it. */
    @Test
    public void each_hash_has_its_own_salt() {
        String second = passwords.hash(PASSWORD);
        assertNotEquals(hash, second);
        assertTrue(passwords.matches(PASSWORD, second));
    }

    /** A broken stored hash never lets anybody in and is due for replacement. */
    @Test
    public void malformed_hash_never_matches() {
        for (String broken : List.of("", "klartext", "$argon2id$v=19$m=19456,t=3,p=1$", "$2a$10$abcdefghijklmnop")) {
            assertFalse(broken, passwords.matches(PASSWORD, broken));
            assertTrue(broken, passwords.needsRehash(broken));
        }
    }

    /** A hash made with weaker parameters (m=8192) still matches, and is marked for rehashing; today's is not. */
    @Test
    public void hash_with_other_parameters_needs_rehash() {
        String weaker = Password.hash(PASSWORD).addRandomSalt(16)
                .with(Argon2Function.getInstance(8192, 2, 1, 32, Argon2.ID, 19)).getResult();
        assertThat(weaker, startsWith("$argon2id$v=19$m=8192,t=2,p=1$"));

        assertTrue(passwords.matches(PASSWORD, weaker));
        assertTrue(passwords.needsRehash(weaker));
        assertFalse(passwords.needsRehash(hash));
    }

    /** Checking against nothing (unknown user name) runs and never throws. */
    @Test
    public void burn_check_accepts_any_input() {
        passwords.burnCheck(PASSWORD);
        passwords.burnCheck("");
    }

    /** At least 12 characters; 11 are refused with a German reason. */
    @Test
    public void policy_requires_twelve_characters() {
        assertEquals(List.of("Das Passwort muss mindestens 12 Zeichen lang sein."),
                passwords.problems("Abcdefgh-1x", "anna"));
        assertEquals(List.of(), passwords.problems("Abcdefgh-1xy", "anna"));
        assertEquals(List.of("Das Passwort muss mindestens 12 Zeichen lang sein."), passwords.problems(null, "anna"));
    }

    /** No more than 256 characters. */
    @Test
    public void policy_refuses_more_than_256_characters() {
        assertEquals(List.of(), passwords.problems("x7-".repeat(85) + "y", "anna"));
        assertThat(passwords.problems("x7-".repeat(85) + "yz", "anna"),
                hasItem("Das Passwort darf höchstens 256 Zeichen lang sein."));
    }

    /** The user name inside the password, in any case, is refused. */
    @Test
    public void policy_refuses_the_user_name_inside() {
        assertThat(passwords.problems("Mein-ANNA.Mueller-2024", "anna.mueller"),
                hasItem("Das Passwort darf den Benutzernamen nicht enthalten."));
    }

    /** Passwords from the common list are refused, whatever their case. */
    @Test
    public void policy_refuses_common_passwords() {
        String common = "Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.";
        assertThat(passwords.problems("passwort1234", "anna"), hasItem(common));
        assertThat(passwords.problems("OPTIONSKOMMUNE", "anna"), hasItem(common));
        assertThat(passwords.problems("Sommer2024!!", "anna"), hasItem(common));
    }

    /** Control characters (tab, newline, NUL) are refused. */
    @Test
    public void policy_refuses_control_characters() {
        for (String password : List.of("Abcdefgh\t1234", "Abcdefgh\n1234", "Abcdefgh\u00001234")) {
            assertThat(passwords.problems(password, "anna"),
                    hasItem("Das Passwort darf keine Steuerzeichen enthalten."));
        }
    }

    /** Generated passwords are 20 characters, pass the policy and differ from each other. */
    @Test
    public void random_passwords_pass_the_policy() {
        String first = Passwords.randomPassword();
        assertEquals(20, first.length());
        assertEquals(List.of(), passwords.problems(first, "admin"));
        assertNotEquals(first, Passwords.randomPassword());
    }
}
