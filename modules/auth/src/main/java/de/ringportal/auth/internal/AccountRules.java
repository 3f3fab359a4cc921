package de.ringportal.auth.internal;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What an account's fields may hold, with the German message for each violation. Every check takes the cleaned
 * value ({@link #clean}) and returns null when the value is fine.
 */
final class AccountRules {

    static final int USER_NAME_MIN = 3;
    static final int USER_NAME_MAX = 64;
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern AGS = Pattern.compile("[0-9]{5}");
    /** One @, something before it, a dot in the domain, no spaces: the mail server has the last word anyway. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountRules() {
    }

    /** Trims the value and puts it into Unicode NFC, so that "é" typed two ways is stored one way; null becomes "". */
    static String clean(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    static String userNameProblem(String userName) {
        if (userName.isEmpty()) {
            return "Bitte geben Sie einen Benutzernamen ein.";
        }
        if (userName.length() < USER_NAME_MIN || userName.length() > USER_NAME_MAX) {
            return "Der Benutzername muss " + USER_NAME_MIN + " bis " + USER_NAME_MAX + " Zeichen lang sein.";
        }
        if (!USER_NAME.matcher(userName).matches()) {
            return "Der Benutzername darf nur Kleinbuchstaben a–z, Ziffern, Punkt, Unterstrich und Bindestrich "
                    + "enthalten.";
        }
        return null;
    }

    static String displayNameProblem(String name) {
        if (name.isEmpty()) {
            return "Bitte geben Sie den Namen ein.";
        }
        if (name.length() > NAME_MAX) {
            return "Der Name darf höchstens " + NAME_MAX + " Zeichen lang sein.";
        }
        if (hasControlCharacters(name)) {
            return "Der Name darf keine Steuerzeichen enthalten.";
        }
        return null;
    }

    /** The e-mail address is optional: empty is fine. */
    static String emailProblem(String email) {
        if (email.isEmpty()) {
            return null;
        }
        if (email.length() > EMAIL_MAX) {
            return "Die E-Mail-Adresse darf höchstens " + EMAIL_MAX + " Zeichen lang sein.";
        }
        if (hasControlCharacters(email) || !EMAIL.matcher(email).matches()) {
            return "Bitte geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.";
        }
        return null;
    }

    /** The municipality is optional: empty is fine, else its Kreisschlüssel of five digits. */
    static String municipalityProblem(String ags) {
        if (ags.isEmpty() || AGS.matcher(ags).matches()) {
            return null;
        }
        return "Der Gemeindeschlüssel (AGS) besteht aus genau fünf Ziffern, zum Beispiel 08426.";
    }

    /**
     * C0 and C1 control characters (line breaks and tabs included) and the invisible bidirectional overrides, which
     * can make a name display as something else than it is.
     */
    static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }

    /** The value with control characters taken out, for showing a refused input back in its form field. */
    static String printable(String value) {
        if (value == null || !hasControlCharacters(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(c -> !hasControlCharacters(Character.toString(c))).forEach(out::appendCodePoint);
        return out.toString();
    }
}
