package de.ringportal.rings.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.format.GermanDates;

/**
 * Reading form input: trimmed text without control or format characters, Kreisschlüssel, years, dates; the German
 * messages of a text with a maximum length. The text cleaning is stricter than {@code core.forms.Fields}: format
 * characters (such as the right-to-left override U+202E) go too, and multi-line text loses its control characters.
 */
final class Inputs {

    static final int FIRST_YEAR = 2005;
    static final int LAST_YEAR = 2100;

    private static final Pattern AGS = Pattern.compile("[0-9]{5}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    private Inputs() {
    }

    static boolean isAgs(String text) {
        return text != null && AGS.matcher(text).matches();
    }

    /** A year between {@value #FIRST_YEAR} and {@value #LAST_YEAR}, or empty. */
    static Optional<Integer> year(String text) {
        if (text == null || !YEAR.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(text.strip());
        return year >= FIRST_YEAR && year <= LAST_YEAR ? Optional.of(year) : Optional.empty();
    }

    /** A date as 2026-03-14 (the date field) or 14.03.2026, or empty. */
    static Optional<LocalDate> date(String text) {
        return GermanDates.parse(text);
    }

    static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }

    /**
     * The field's text: null becomes empty, line breaks become \n, other control characters go, single-line fields
     * lose their line breaks, and the ends are trimmed.
     */
    static String text(String raw, boolean multiline) {
        if (raw == null) {
            return "";
        }
        String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder clean = new StringBuilder(unified.length());
        unified.codePoints().forEach(c -> {
            if (c == '\n') {
                clean.append(multiline ? '\n' : ' ');
            } else if (c == '\t') {
                clean.append(' ');
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.SURROGATE) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().strip();
    }

    /** Plain text split into paragraphs at blank lines; the template escapes each and keeps its line breaks. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            if (!block.isBlank()) {
                paragraphs.add(block.strip());
            }
        }
        return paragraphs;
    }

    /**
     * Adds the standard messages for a text with a maximum length: one asking for it when it is missing, another
     * naming the limit and the length typed ({@code Fields.text} has one message for both).
     *
     * @param name     the field's label ("Titel")
     * @param asObject what to ask for when it is missing ("einen Titel"); null if the field is optional
     */
    static void checkLength(FormErrors errors, String field, String name, String asObject, String value, int max) {
        if (asObject != null && value.isEmpty()) {
            errors.add(field, "Bitte geben Sie " + asObject + " an.");
        } else if (value.length() > max) {
            errors.add(field, name + ": höchstens " + max + " Zeichen erlaubt (eingegeben: " + value.length() + ").");
        }
    }
}
