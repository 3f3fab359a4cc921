package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** The field rules of the account form, with the German messages an administrator reads. */
public class AccountRulesTest {

    /** Lower-case letters, digits, dot, underscore and hyphen, 3 to 64 of them, make a user name. */
    @Test
    public void user_names_of_3_to_64_allowed_characters_pass() {
        for (String ok : new String[] { "max", "erika.muster", "m_2", "kreis-biberach.01", "a".repeat(64) }) {
            assertNull(ok, AccountRules.userNameProblem(ok));
        }
    }

    /** Too short, too long, empty, or with any other character: each gets its own German message. */
    @Test
    public void user_names_that_are_too_short_too_long_or_have_other_characters_are_refused() {
        assertEquals("Bitte geben Sie einen Benutzernamen ein.", AccountRules.userNameProblem(""));
        assertTrue(AccountRules.userNameProblem("ab").contains("3 bis 64 Zeichen"));
        assertTrue(AccountRules.userNameProblem("a".repeat(65)).contains("3 bis 64 Zeichen"));
        for (String bad : new String[] { "max muster", "Max", "müller", "max@amt", "<script>", "' or '1'='1",
                "max\u0000", "ma/x" }) {
            assertNotNull(bad, AccountRules.userNameProblem(bad));
        }
    }

    /** A name is required, at most 200 characters, and free of control characters and bidi overrides. */
    @Test
    public void names_are_required_limited_and_free_of_control_characters() {
        assertNull(AccountRules.displayNameProblem("Erika Mustermann-Özdemir"));
        assertNull(AccountRules.displayNameProblem("<script>alert(1)</script>"));
        assertNull(AccountRules.displayNameProblem("x".repeat(200)));
        assertEquals("Bitte geben Sie den Namen ein.", AccountRules.displayNameProblem(""));
        assertTrue(AccountRules.displayNameProblem("x".repeat(201)).contains("höchstens 200 Zeichen"));
        for (String bad : new String[] { "Erika\nMuster", "Erika\tMuster", "Erika\u0000", "Erika\u0085",
                "Erika\u202Eretsum" }) {
            assertEquals("Der Name darf keine Steuerzeichen enthalten.", AccountRules.displayNameProblem(bad));
        }
    }

    /** The e-mail address is optional; given, it needs one @ and a dotted domain, and at most 254 characters. */
    @Test
    public void email_is_optional_but_must_look_like_an_address() {
        assertNull(AccountRules.emailProblem(""));
        assertNull(AccountRules.emailProblem("erika.muster@landkreis-biberach.de"));
        for (String bad : new String[] { "erika", "erika@", "@amt.de", "erika@amt", "er ika@amt.de", "a@b@c.de",
                "erika@amt..de", "erika@amt.de\n" }) {
            assertNotNull(bad, AccountRules.emailProblem(bad));
        }
        String tooLong = "a".repeat(250) + "@b.de";
        assertTrue(AccountRules.emailProblem(tooLong).contains("höchstens 254 Zeichen"));
    }

    /** The municipality is optional; given, it is exactly five ASCII digits. */
    @Test
    public void municipality_is_empty_or_exactly_five_digits() {
        assertNull(AccountRules.municipalityProblem(""));
        assertNull(AccountRules.municipalityProblem("08426"));
        for (String bad : new String[] { "8426", "084260", "0842a", "08 26", "٠٨٤٢٦", "' OR 1" }) {
            assertNotNull(bad, AccountRules.municipalityProblem(bad));
        }
    }

    /** Input is trimmed and put into NFC, so the same name typed two ways is stored one way. */
    @Test
    public void clean_trims_and_normalizes_to_nfc() {
        assertEquals("", AccountRules.clean(null));
        assertEquals("Jürgen", AccountRules.clean("  Ju\u0308rgen \t"));
    }

    /** A refused value shown back in its field loses its control characters, so the page stays valid HTML. */
    @Test
    public void printable_drops_control_characters_only() {
        assertEquals("ab<c>", AccountRules.printable("a\u0000b\n<c>\u202E"));
        assertEquals("Zoë", AccountRules.printable("Zoë"));
        assertFalse(AccountRules.hasControlCharacters("Zoë & <b>"));
    }
}
