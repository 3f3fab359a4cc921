package de.ringportal.rings.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading form input: trimmed text without control characters, Kreisschlüssel, years, dates; German messages. */
final class Inputs {

    static final int FIRST_YEAR = 2005;
    static final int LAST_YEAR = 2100;

    private static final Pattern AGS = Pattern.compile("[0-9]{5}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern ID = Pattern.compile("[0-9]{1,9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    static boolean isAgs(String text) {
        return text != null && AGS.matcher(text).matches();
    }

    /** A positive number such as a row id, or empty. */
    static Optional<Integer> id(String text) {
        return text != null && ID.matcher(text).matches() ? Optional.of(Integer.parseInt(text)) : Optional.empty();
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
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

    /** Collects field errors in form order. */
    static final class Errors {

        private final List<FieldError> errors = new ArrayList<>();

        void add(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /**
         * Adds the standard messages for a text with a maximum length.
         *
         * @param name     the field's label ("Titel")
         * @param asObject what to ask for when it is missing ("einen Titel"); null if the field is optional
         */
        void check(String field, String name, String asObject, String value, int max) {
            if (asObject != null && value.isEmpty()) {
                add(field, "Bitte geben Sie " + asObject + " an.");
            } else if (value.length() > max) {
                add(field, name + ": höchstens " + max + " Zeichen erlaubt (eingegeben: " + value.length() + ").");
            }
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        List<FieldError> list() {
            return List.copyOf(errors);
        }

        String of(String field) {
            return errors.stream().filter(error -> error.target().equals(field)).map(FieldError::message)
                    .findFirst().orElse(null);
        }
    }

    /** One problem, linked from the error summary to its field. */
    record FieldError(String target, String message) {
    }
}
